//! EIA open-data API v2 daily spot prices (e.g. `petroleum/pri/spt`, `natural-gas/pri/fut`).
//!
//! A response looks like
//!
//! ```json
//! {"response":{"total":"3","dateFormat":"YYYY-MM-DD","frequency":"daily","data":[
//!   {"period":"2026-01-05","series":"RWTC","value":"73.27","units":"$/BBL", ...}, ...]},
//!  "request":{...},"apiVersion":"2.1.6"}
//! ```
//!
//! [`parse_eia_prices`] keeps the rows of one series, converts each `value` **string** exactly
//! into micro-USD, and returns them sorted by day. The body is small (KBs) and is parsed in one
//! go with `serde_json` (unknown fields are ignored).
//!
//! Row rules, for rows whose `series` is the requested one (`index` in errors is the row's
//! 0-based position in `response.data`):
//! * `value` `null`, missing, or one of EIA's "no data" texts (`""`, `"NA"`, `"N/A"`, `"."`,
//!   `"--"`): the row is skipped (days without a price are normal; the chain then uses its
//!   fallback of the last 10 prices);
//! * `value` is a JSON **string** in EIA's responses (`"73.27"`, `"2.1"`, and sometimes without
//!   a leading digit: `".306"`, read as `0.306`). A JSON **number** is accepted too and read
//!   from its exact text (serde_json's `arbitrary_precision`) or from the shortest text of its
//!   `f64`, which is the text written for any price of ≤ 15 significant digits; an object or an
//!   array is rejected ([`PriceProblem::NotAPrice`]);
//! * `units` must equal the expected units ([`EiaError::WrongUnits`], a missing `units` too);
//! * `period` must be a valid `YYYY-MM-DD` date ([`EiaError::BadPeriod`]);
//! * `value` must be `[-][DIGITS][.DIGITS]` (at least one digit) with at most 6 decimals, at most 1,000,000 USD
//!   ([`EiaError::BadPrice`]), and at least −1,000,000 USD: a **negative** price is a real price
//!   (EIA's RWTC on 2020-04-20 is −36.98; the −37.63 often quoted is the NYMEX front-month
//!   settlement) and is kept as it is — the chain values that day below zero (neither 0 nor
//!   skipped: skipping would value the day at the average of earlier, positive prices);
//! * several rows for the same day: the last one wins.
//!
//! Rows of other series are not validated at all.

use alloc::{collections::BTreeMap, string::String, vec::Vec};
use core::fmt;
use serde::{
	de::{self, Deserializer, Visitor},
	Deserialize,
};

use crate::decimal::{parse_scaled, parse_ymd, DecimalError};

/// EIA series of the WTI Cushing spot price.
pub const WTI_SERIES: &str = "RWTC";
/// Units of [`WTI_SERIES`].
pub const WTI_UNITS: &str = "$/BBL";
/// EIA series of the Henry Hub natural gas spot price.
pub const HENRY_HUB_SERIES: &str = "RNGWHHD";
/// Units of [`HENRY_HUB_SERIES`].
pub const HENRY_HUB_UNITS: &str = "$/MMBTU";

/// `value` texts EIA uses for "no data" (the row is skipped like a `null`).
pub const NO_DATA: [&str; 5] = ["", "NA", "N/A", ".", "--"];

/// Micro-USD per USD.
pub const MICRO_PER_USD: u64 = 1_000_000;
/// Largest accepted price: 1,000,000 USD, in micro-USD (the lowest: its negative).
pub const MAX_PRICE_MICRO_USD: i64 = 1_000_000_000_000;

/// One day's price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EiaPrice {
	/// Year of the `period`.
	pub year: u16,
	/// Month (1..=12).
	pub month: u8,
	/// Day of month.
	pub day: u8,
	/// Price in micro-USD (per unit of the series, e.g. per barrel or per MMBtu); may be negative.
	pub micro_usd: i64,
}

/// Why a price text was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceProblem {
	/// The value is neither a string nor a number (an object or an array).
	NotAPrice,
	/// Not of the form `DIGITS[.DIGITS]`.
	Syntax,
	/// More than 6 decimals.
	TooManyDecimals,
	/// Above 1,000,000 USD or below −1,000,000 USD.
	TooLarge,
}

/// Why an EIA response was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EiaError {
	/// Not JSON, or not of the shape `{"response":{"data":[{...}, ...]}}` with string fields.
	Malformed,
	/// A row of the requested series has other (or no) units.
	WrongUnits {
		/// Position of the row in `response.data`.
		index: usize,
	},
	/// A row of the requested series has a `period` that is not a valid `YYYY-MM-DD` date.
	BadPeriod {
		/// Position of the row in `response.data`.
		index: usize,
	},
	/// A row of the requested series has an unacceptable `value`.
	BadPrice {
		/// Position of the row in `response.data`.
		index: usize,
		/// What is wrong with it.
		problem: PriceProblem,
	},
}

impl fmt::Display for EiaError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			EiaError::Malformed => f.write_str("malformed EIA response"),
			EiaError::WrongUnits { index } => write!(f, "row {index}: unexpected units"),
			EiaError::BadPeriod { index } => write!(f, "row {index}: bad period"),
			EiaError::BadPrice { index, problem } => {
				write!(f, "row {index}: bad price ({problem:?})")
			},
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for EiaError {}

/// Parses a price text (`[-]DIGITS[.DIGITS]`, ≤ 6 decimals, |price| ≤ 1,000,000) into
/// micro-USD, exactly.
///
/// `"3.1"` → `3_100_000`, `"73.27"` → `73_270_000`, `"-36.98"` → `-36_980_000`.
pub fn parse_micro_usd(text: &str) -> Result<i64, PriceProblem> {
	// EIA writes some values without a leading digit (`".306"`, `"-.5"`): read them as `0.306`.
	let (negative, body) = match text.strip_prefix('-') {
		Some(rest) => (true, rest),
		None => (false, text),
	};
	let mut buf = [0u8; 48];
	let bytes: &[u8] = match body.strip_prefix('.') {
		Some(frac) if frac.len() < 40 => {
			let n = frac.len().saturating_add(2);
			let out = buf.get_mut(..n).ok_or(PriceProblem::Syntax)?;
			let (head, tail) = out.split_at_mut(2);
			head.copy_from_slice(b"0.");
			tail.copy_from_slice(frac.as_bytes());
			out
		},
		Some(_) => return Err(PriceProblem::Syntax),
		None => body.as_bytes(),
	};
	if negative && bytes.first() == Some(&b'-') {
		return Err(PriceProblem::Syntax);
	}
	let s = parse_scaled(bytes, 6, false).map_err(|e| match e {
		DecimalError::TooManyDecimals => PriceProblem::TooManyDecimals,
		DecimalError::Overflow => PriceProblem::TooLarge,
		DecimalError::Empty | DecimalError::Syntax => PriceProblem::Syntax,
	})?;
	let magnitude = i64::try_from(s.magnitude)
		.ok()
		.filter(|m| *m <= MAX_PRICE_MICRO_USD)
		.ok_or(PriceProblem::TooLarge)?;
	// |magnitude| ≤ 10¹²: its negation cannot overflow.
	Ok(if negative { magnitude.saturating_neg() } else { magnitude })
}

#[derive(Deserialize)]
struct Envelope {
	response: Response,
}

#[derive(Deserialize)]
struct Response {
	data: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
	#[serde(default)]
	period: Option<String>,
	#[serde(default)]
	series: Option<String>,
	#[serde(default)]
	units: Option<String>,
	#[serde(default)]
	value: Option<RawValue>,
}

/// A non-null `value`: a string (what EIA sends), a JSON number written back as its exact
/// decimal text, or something else (an object or array: rejected).
enum RawValue {
	Text(String),
	Number(String),
	Other,
}

/// The key under which serde_json's `arbitrary_precision` hands a number's exact text.
const ARBITRARY_PRECISION_TOKEN: &str = "$serde_json::private::Number";

/// The decimal text of a JSON number that serde_json parsed as a float. Rust prints the shortest
/// text that reads back as the same `f64` and never uses an exponent, so a price written with at
/// most 15 significant digits (every real price: at most 6 decimals below 1,000,000 USD) comes
/// back as the text EIA wrote (`73.27` → `"73.27"`, `0.306` → `"0.306"`).
fn float_text(v: f64) -> String {
	alloc::format!("{v}")
}

impl<'de> Deserialize<'de> for RawValue {
	fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		struct V;
		impl<'de> Visitor<'de> for V {
			type Value = RawValue;
			fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
				f.write_str("a price string, a number or null")
			}
			fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
				Ok(RawValue::Text(String::from(v)))
			}
			fn visit_string<E: de::Error>(self, v: String) -> Result<RawValue, E> {
				Ok(RawValue::Text(v))
			}
			fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
				Ok(RawValue::Number(alloc::format!("{v}")))
			}
			fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
				Ok(RawValue::Number(alloc::format!("{v}")))
			}
			fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
				Ok(RawValue::Number(float_text(v)))
			}
			fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
				while seq.next_element::<de::IgnoredAny>()?.is_some() {}
				Ok(RawValue::Other)
			}
			// With serde_json's `arbitrary_precision` (enabled by other crates of a workspace),
			// a number arrives as a one-entry map `{"$serde_json::private::Number": "73.27"}`
			// holding its exact text; any other object is no price.
			fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
				let mut out = RawValue::Other;
				let mut first = true;
				while let Some(key) = map.next_key::<String>()? {
					if first && key == ARBITRARY_PRECISION_TOKEN {
						out = RawValue::Number(map.next_value::<String>()?);
					} else {
						map.next_value::<de::IgnoredAny>()?;
						out = RawValue::Other;
					}
					first = false;
				}
				Ok(out)
			}
		}
		d.deserialize_any(V)
	}
}

/// Parses an EIA v2 response `body` and returns the daily prices of `series` (e.g.
/// [`WTI_SERIES`]) sorted by date, checking that its units are `expected_units` (e.g.
/// [`WTI_UNITS`]). See the [module docs](self) for the row rules.
pub fn parse_eia_prices(
	body: &[u8],
	series: &str,
	expected_units: &str,
) -> Result<Vec<EiaPrice>, EiaError> {
	// serde_json does not validate UTF-8 inside skipped strings; JSON must be UTF-8 throughout.
	let text = core::str::from_utf8(body).map_err(|_| EiaError::Malformed)?;
	let envelope: Envelope = serde_json::from_str(text).map_err(|_| EiaError::Malformed)?;
	let mut by_day: BTreeMap<(u16, u8, u8), i64> = BTreeMap::new();
	for (index, row) in envelope.response.data.into_iter().enumerate() {
		if row.series.as_deref() != Some(series) {
			continue;
		}
		let text = match row.value {
			None => continue,
			Some(RawValue::Other) => {
				return Err(EiaError::BadPrice { index, problem: PriceProblem::NotAPrice })
			},
			Some(RawValue::Text(t)) | Some(RawValue::Number(t)) => t,
		};
		if NO_DATA.contains(&text.as_str()) {
			continue;
		}
		if row.units.as_deref() != Some(expected_units) {
			return Err(EiaError::WrongUnits { index });
		}
		let (year, month, day) = row
			.period
			.as_deref()
			.and_then(|p| parse_ymd(p.as_bytes(), false))
			.ok_or(EiaError::BadPeriod { index })?;
		let micro_usd =
			parse_micro_usd(&text).map_err(|problem| EiaError::BadPrice { index, problem })?;
		by_day.insert((year, month, day), micro_usd);
	}
	Ok(by_day
		.into_iter()
		.map(|((year, month, day), micro_usd)| EiaPrice { year, month, day, micro_usd })
		.collect())
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::{format, vec};

	/// One data row; `value` is raw JSON (e.g. `"\"73.27\""` or `null`); `None` omits it.
	fn row(period: &str, series: &str, value: Option<&str>, units: &str) -> String {
		let value = value.map(|v| format!(",\"value\":{v}")).unwrap_or_default();
		format!(
			"{{\"period\":\"{period}\",\"duoarea\":\"YCUOK\",\"area-name\":\"NA\",\"product\":\"EPCWTI\",\
			 \"product-name\":\"WTI Crude Oil\",\"process\":\"PF4\",\"process-name\":\"Spot Price FOB\",\
			 \"series\":\"{series}\",\"series-description\":\"Cushing, OK WTI Spot Price FOB (Dollars per Barrel)\"\
			 {value},\"units\":\"{units}\"}}"
		)
	}

	fn body(rows: &[String]) -> String {
		format!(
			"{{\"response\":{{\"total\":\"{}\",\"dateFormat\":\"YYYY-MM-DD\",\"frequency\":\"daily\",\
			 \"data\":[{}],\"description\":\"Spot prices\"}},\"request\":{{\"command\":\"/v2/petroleum/pri/spt/data/\",\
			 \"params\":{{\"frequency\":\"daily\",\"data\":[\"value\"],\"facets\":{{\"series\":[\"RWTC\"]}}}}}},\
			 \"apiVersion\":\"2.1.6\",\"ExcelAddInVersion\":\"2.1.0\"}}",
			rows.len(),
			rows.join(",")
		)
	}

	fn p(year: u16, month: u8, day: u8, micro_usd: i64) -> EiaPrice {
		EiaPrice { year, month, day, micro_usd }
	}

	#[test]
	fn the_real_envelope_with_warnings_and_a_numeric_total_is_read() {
		// `total` as a number (as in older captures), `warnings` inside `response` (the 5,000-row
		// page limit), unknown top-level fields: docs/DATA_FORMATS.md.
		let rows = [
			row("2020-04-21", "RWTC", Some("\"8.91\""), "$/BBL"),
			row("2020-04-20", "RWTC", Some("\"-36.98\""), "$/BBL"),
			row("2020-04-17", "RWTC", Some("\"18.31\""), "$/BBL"),
		];
		let text = format!(
			"{{\"response\":{{\"warnings\":[{{\"warning\":\"incomplete return\",\"description\":\"The API can only \
			 return 5000 rows in JSON format.  Please consider constraining your request with facet, start, or end, or \
			 using offset to paginate results.\"}}],\"total\":3,\"dateFormat\":\"YYYY-MM-DD\",\"frequency\":\"daily\",\
			 \"data\":[{}],\"description\":\"x\"}},\"request\":{{\"command\":\"/v2/petroleum/pri/spt/data/\"}},\
			 \"apiVersion\":\"2.1.8\",\"ExcelAddInVersion\":\"2.1.0\"}}",
			rows.join(",")
		);
		assert_eq!(
			parse_eia_prices(text.as_bytes(), WTI_SERIES, WTI_UNITS),
			Ok(vec![
				p(2020, 4, 17, 18_310_000),
				p(2020, 4, 20, -36_980_000),
				p(2020, 4, 21, 8_910_000)
			])
		);
	}

	#[test]
	fn parses_wti_rows_sorted_by_date() {
		let b = body(&[
			row("2026-01-06", "RWTC", Some("\"74.1\""), "$/BBL"),
			row("2026-01-05", "RWTC", Some("\"73.27\""), "$/BBL"),
			row("2026-01-07", "RWTC", Some("\"75\""), "$/BBL"),
		]);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Ok(vec![
				p(2026, 1, 5, 73_270_000),
				p(2026, 1, 6, 74_100_000),
				p(2026, 1, 7, 75_000_000)
			])
		);
	}

	#[test]
	fn null_or_missing_values_are_skipped() {
		let b = body(&[
			row("2026-01-05", "RWTC", Some("null"), "$/BBL"),
			row("2026-01-06", "RWTC", None, "$/BBL"),
			row("2026-01-07", "RWTC", Some("\"70.5\""), "$/BBL"),
		]);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Ok(vec![p(2026, 1, 7, 70_500_000)])
		);
		// EIA's "no data" texts are skipped too, whatever their units.
		for missing in NO_DATA {
			let b = body(&[
				row("2026-01-05", "RWTC", Some(&format!("\"{missing}\"")), "$/BBL"),
				row("2026-01-06", "RWTC", Some(&format!("\"{missing}\"")), "$/GAL"),
				row("2026-01-07", "RWTC", Some("\"70.5\""), "$/BBL"),
			]);
			assert_eq!(
				parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
				Ok(vec![p(2026, 1, 7, 70_500_000)]),
				"{missing:?}"
			);
		}
		// Empty data is fine.
		assert_eq!(parse_eia_prices(body(&[]).as_bytes(), WTI_SERIES, WTI_UNITS), Ok(vec![]));
	}

	#[test]
	fn other_series_are_filtered_and_not_validated() {
		let b = body(&[
			row("2026-01-05", "RWTC", Some("\"73.27\""), "$/BBL"),
			row("2026-01-05", "RBRTE", Some("\"77.01\""), "$/BBL"),
			row("2026-01-05", "RNGWHHD", Some("\"3.1\""), "$/MMBTU"),
			row("garbage", "EER_EPMRU_PF4_Y35NY_DPG", Some("\"-1.23456789\""), "$/GAL"),
		]);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Ok(vec![p(2026, 1, 5, 73_270_000)])
		);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), HENRY_HUB_SERIES, HENRY_HUB_UNITS),
			Ok(vec![p(2026, 1, 5, 3_100_000)])
		);
		assert_eq!(parse_eia_prices(b.as_bytes(), "NOPE", "$/BBL"), Ok(vec![]));
	}

	#[test]
	fn wrong_units_is_an_error() {
		let b = body(&[
			row("2026-01-05", "RWTC", Some("\"73.27\""), "$/BBL"),
			row("2026-01-06", "RWTC", Some("\"73.27\""), "$/GAL"),
		]);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Err(EiaError::WrongUnits { index: 1 })
		);
		let b = body(&[row("2026-01-05", "RNGWHHD", Some("\"3.1\""), "$/BBL")]);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), HENRY_HUB_SERIES, HENRY_HUB_UNITS),
			Err(EiaError::WrongUnits { index: 0 })
		);
		// Missing units.
		let b = r#"{"response":{"data":[{"period":"2026-01-05","series":"RWTC","value":"1"}]}}"#;
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Err(EiaError::WrongUnits { index: 0 })
		);
	}

	#[test]
	fn malformed_json_is_an_error() {
		let good = body(&[row("2026-01-05", "RWTC", Some("\"73.27\""), "$/BBL")]);
		for bad in [
			&good[..good.len() - 1],
			"",
			"null",
			"[]",
			"{}",
			r#"{"response":{}}"#,
			r#"{"response":{"data":{}}}"#,
			r#"{"response":{"data":[1]}}"#,
			r#"{"response":{"data":[{"period":5,"series":"RWTC","value":"1","units":"$/BBL"}]}}"#,
			r#"{"response":{"data":[{"period":"2026-01-05","series":"RWTC","value":true,"units":"$/BBL"}]}}"#,
			r#"{"error":"invalid api_key"}"#,
			"<html>502 Bad Gateway</html>",
		] {
			assert_eq!(
				parse_eia_prices(bad.as_bytes(), WTI_SERIES, WTI_UNITS),
				Err(EiaError::Malformed),
				"{bad}"
			);
		}
		let mut invalid_utf8 = good.clone().into_bytes();
		let at = invalid_utf8.iter().position(|&b| b == b'W').unwrap();
		invalid_utf8[at] = 0xff;
		assert_eq!(
			parse_eia_prices(&invalid_utf8, WTI_SERIES, WTI_UNITS),
			Err(EiaError::Malformed)
		);
	}

	#[test]
	fn bad_prices_are_rejected() {
		let case = |v: &str| {
			let b = body(&[row("2026-01-05", "RWTC", Some(v), "$/BBL")]);
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS)
		};
		let bad = |problem| Err(EiaError::BadPrice { index: 0, problem });
		assert_eq!(case("\"1.1234567\""), bad(PriceProblem::TooManyDecimals));
		assert_eq!(case("\"73.2700000\""), bad(PriceProblem::TooManyDecimals));
		assert_eq!(case("\"-36.98\""), Ok(vec![p(2026, 1, 5, -36_980_000)]));
		assert_eq!(case("\"-1000000\""), Ok(vec![p(2026, 1, 5, -MAX_PRICE_MICRO_USD)]));
		assert_eq!(case("\"-1000000.000001\""), bad(PriceProblem::TooLarge));
		assert_eq!(case("\"-0\""), Ok(vec![p(2026, 1, 5, 0)]));
		assert_eq!(case("\"-\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\"1000000.000001\""), bad(PriceProblem::TooLarge));
		assert_eq!(case("\"99999999999999999999\""), bad(PriceProblem::TooLarge));
		assert_eq!(case("\"na\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\"N.A.\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\"7e1\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\" 73.27\""), bad(PriceProblem::Syntax));
		assert_eq!(case("73.27"), Ok(vec![p(2026, 1, 5, 73_270_000)]));
		assert_eq!(case("73"), Ok(vec![p(2026, 1, 5, 73_000_000)]));
		assert_eq!(case("0.306"), Ok(vec![p(2026, 1, 5, 306_000)]));
		assert_eq!(case("2.123456"), Ok(vec![p(2026, 1, 5, 2_123_456)]));
		assert_eq!(case("-36.98"), Ok(vec![p(2026, 1, 5, -36_980_000)]));
		assert_eq!(case("1.1234567"), bad(PriceProblem::TooManyDecimals));
		assert_eq!(case("{\"a\":1}"), bad(PriceProblem::NotAPrice));
		assert_eq!(case("[1]"), bad(PriceProblem::NotAPrice));
		assert_eq!(case("\".306\""), Ok(vec![p(2026, 1, 5, 306_000)]));
		assert_eq!(case("\"-.5\""), Ok(vec![p(2026, 1, 5, -500_000)]));
		assert_eq!(case("\"2.1\""), Ok(vec![p(2026, 1, 5, 2_100_000)]));
		assert_eq!(case("\".\""), Ok(vec![]));
		assert_eq!(case("\"-.\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\"..5\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\"--5\""), bad(PriceProblem::Syntax));
		assert_eq!(case("\"1000000\""), Ok(vec![p(2026, 1, 5, MAX_PRICE_MICRO_USD)]));
		assert_eq!(case("\"0.000001\""), Ok(vec![p(2026, 1, 5, 1)]));
	}

	#[test]
	fn exact_micro_usd() {
		assert_eq!(parse_micro_usd("3.1"), Ok(3_100_000));
		assert_eq!(parse_micro_usd("73.27"), Ok(73_270_000));
		assert_eq!(parse_micro_usd("0"), Ok(0));
		assert_eq!(parse_micro_usd("2.123456"), Ok(2_123_456));
		assert_eq!(parse_micro_usd("0.1"), Ok(100_000));
		assert_eq!(parse_micro_usd("2.1234567"), Err(PriceProblem::TooManyDecimals));
		assert_eq!(parse_micro_usd("-0"), Ok(0));
		assert_eq!(parse_micro_usd("-36.98"), Ok(-36_980_000));
	}

	#[test]
	fn bad_periods_are_rejected() {
		for period in ["2026-02-30", "2026-01", "01/05/2026", "2026-01-05T00"] {
			let b = body(&[row(period, "RWTC", Some("\"73.27\""), "$/BBL")]);
			assert_eq!(
				parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
				Err(EiaError::BadPeriod { index: 0 }),
				"{period}"
			);
		}
	}

	#[test]
	fn duplicate_days_keep_the_last() {
		let b = body(&[
			row("2026-01-05", "RWTC", Some("\"73.27\""), "$/BBL"),
			row("2026-01-06", "RWTC", Some("\"74\""), "$/BBL"),
			row("2026-01-05", "RWTC", Some("\"73.30\""), "$/BBL"),
			row("2026-01-05", "RWTC", Some("null"), "$/BBL"),
		]);
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Ok(vec![p(2026, 1, 5, 73_300_000), p(2026, 1, 6, 74_000_000)])
		);
	}

	#[test]
	fn escaped_strings_are_understood() {
		let b = r#"{"response":{"data":[{"period":"2026-01-05","series":"RW\u0054C","value":"7\u0033.5","units":"$\/BBL"}]}}"#;
		assert_eq!(
			parse_eia_prices(b.as_bytes(), WTI_SERIES, WTI_UNITS),
			Ok(vec![p(2026, 1, 5, 73_500_000)])
		);
	}
}
