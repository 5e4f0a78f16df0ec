//! Exact decimal and date parsing (no floating point, no panics).
//!
//! Why hand-written: the values become on-chain integers (thousandths of a m³ / e³m³,
//! micro-USD), so the text must be converted exactly, with the precision checked (too many
//! decimals is an error, not a rounding), without floats, in `no_std` wasm, never panicking.
//! `str::parse::<f64>` rounds; `fixed` is binary fixed-point (0.001 has no exact value);
//! `rust_decimal` parses exactly but into a 96-bit decimal with its own, wider grammar (a
//! leading `+`, `_` separators), only for us to check the scale and convert it back to the
//! integer. The grammar needed is one line and the parser is checked integer arithmetic on the
//! digits; likewise the two fixed-width date forms need only a month-length check, not a
//! calendar crate in the runtime.
//!
//! The accepted decimal grammar is `[-]DIGITS[.DIGITS]`: at least one digit before the point,
//! and at least one after it if a point is present. No `+`, no exponent, no thousands
//! separators, no surrounding whitespace (callers trim where the source format needs it).

/// Why a decimal text was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
	/// The text was empty.
	Empty,
	/// The text is not of the form `[-]DIGITS[.DIGITS]`.
	Syntax,
	/// More fractional digits than the target precision can represent exactly.
	TooManyDecimals,
	/// The value does not fit the integer type.
	Overflow,
}

/// A parsed decimal: sign and magnitude scaled by `10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scaled {
	/// `true` if the text started with `-` (also for `-0`).
	pub negative: bool,
	/// `|value| * 10^scale`.
	pub magnitude: u64,
}

/// Value of an ASCII digit, or `None`.
#[inline]
fn digit(b: u8) -> Option<u8> {
	if b.is_ascii_digit() {
		Some(b.wrapping_sub(b'0'))
	} else {
		None
	}
}

/// Parses `text` as a decimal scaled by `10^scale` (exactly).
///
/// Fractional digits beyond `scale` are rejected with [`DecimalError::TooManyDecimals`] unless
/// `allow_excess_zeros` is set and every excess digit is `0` (then they are exact and ignored).
pub fn parse_scaled(
	text: &[u8],
	scale: u32,
	allow_excess_zeros: bool,
) -> Result<Scaled, DecimalError> {
	if text.is_empty() {
		return Err(DecimalError::Empty);
	}
	let (negative, body) = match text.split_first() {
		Some((b'-', rest)) => (true, rest),
		_ => (false, text),
	};
	let (int_part, frac_part) = match body.iter().position(|&b| b == b'.') {
		Some(p) => {
			let int_part = body.get(..p).ok_or(DecimalError::Syntax)?;
			let frac = body.get(p.saturating_add(1)..).ok_or(DecimalError::Syntax)?;
			if frac.is_empty() {
				return Err(DecimalError::Syntax);
			}
			(int_part, Some(frac))
		},
		None => (body, None),
	};
	if int_part.is_empty() {
		return Err(DecimalError::Syntax);
	}
	let mut magnitude: u64 = 0;
	for &b in int_part {
		let d = digit(b).ok_or(DecimalError::Syntax)?;
		magnitude = magnitude
			.checked_mul(10)
			.and_then(|m| m.checked_add(u64::from(d)))
			.ok_or(DecimalError::Overflow)?;
	}
	let mut used: u32 = 0;
	if let Some(frac) = frac_part {
		for &b in frac {
			let d = digit(b).ok_or(DecimalError::Syntax)?;
			if used < scale {
				magnitude = magnitude
					.checked_mul(10)
					.and_then(|m| m.checked_add(u64::from(d)))
					.ok_or(DecimalError::Overflow)?;
				used = used.saturating_add(1);
			} else if d != 0 || !allow_excess_zeros {
				// Report a syntax error in preference if the rest is not all digits.
				if frac.iter().all(u8::is_ascii_digit) {
					return Err(DecimalError::TooManyDecimals);
				}
				return Err(DecimalError::Syntax);
			}
		}
	}
	while used < scale {
		magnitude = magnitude.checked_mul(10).ok_or(DecimalError::Overflow)?;
		used = used.saturating_add(1);
	}
	Ok(Scaled { negative, magnitude })
}

/// Parses a Petrinex `Volume` text (e.g. `123.456`, `-5.2`, `0`) into thousandths of the unit.
///
/// Up to 3 decimals; further decimals are accepted only if they are all zeros (`1.2500`), so the
/// result is always exact. The caller handles `***` (confidential) and trimming.
pub fn parse_volume_thousandths(text: &[u8]) -> Result<i64, DecimalError> {
	let s = parse_scaled(text, 3, true)?;
	let m = i64::try_from(s.magnitude).map_err(|_| DecimalError::Overflow)?;
	if s.negative {
		m.checked_neg().ok_or(DecimalError::Overflow)
	} else {
		Ok(m)
	}
}

/// Parses `n` ASCII digits into a number; `None` if `bytes` is not exactly `n` digits.
fn fixed_digits(bytes: &[u8], n: usize) -> Option<u32> {
	if bytes.len() != n {
		return None;
	}
	let mut v: u32 = 0;
	for &b in bytes {
		v = v.checked_mul(10)?.checked_add(u32::from(digit(b)?))?;
	}
	Some(v)
}

/// Parses `YYYY-MM` (exactly 7 bytes, month 01..=12) into `(year, month)`.
pub fn parse_year_month(text: &[u8]) -> Option<(u16, u8)> {
	if text.len() != 7 || text.get(4) != Some(&b'-') {
		return None;
	}
	let year = u16::try_from(fixed_digits(text.get(0..4)?, 4)?).ok()?;
	let month = u8::try_from(fixed_digits(text.get(5..7)?, 2)?).ok()?;
	if !(1..=12).contains(&month) {
		return None;
	}
	Some((year, month))
}

/// Parses a calendar date `YYYY-MM-DD` into `(year, month, day)`, validating month and day.
///
/// If `allow_time_suffix` is set, the date may be followed by a time part introduced by a space
/// or `T` (e.g. `2026-02-15 13:45:00`, `2026-02-15T13:45:00`), which is ignored.
pub fn parse_ymd(text: &[u8], allow_time_suffix: bool) -> Option<(u16, u8, u8)> {
	let date = match text.len() {
		10 => text,
		n if n > 10 && allow_time_suffix => {
			match text.get(10) {
				Some(b' ') | Some(b'T') => {},
				_ => return None,
			}
			text.get(..10)?
		},
		_ => return None,
	};
	if date.get(4) != Some(&b'-') || date.get(7) != Some(&b'-') {
		return None;
	}
	let year = u16::try_from(fixed_digits(date.get(0..4)?, 4)?).ok()?;
	let month = u8::try_from(fixed_digits(date.get(5..7)?, 2)?).ok()?;
	let day = u8::try_from(fixed_digits(date.get(8..10)?, 2)?).ok()?;
	if day == 0 || day > tn_calendar::days_in_month(year, month) {
		return None;
	}
	Some((year, month, day))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn volumes_parse_exactly() {
		assert_eq!(parse_volume_thousandths(b"123.456"), Ok(123_456));
		assert_eq!(parse_volume_thousandths(b"-5.2"), Ok(-5_200));
		assert_eq!(parse_volume_thousandths(b"0"), Ok(0));
		assert_eq!(parse_volume_thousandths(b"-0"), Ok(0));
		assert_eq!(parse_volume_thousandths(b"1"), Ok(1_000));
		assert_eq!(parse_volume_thousandths(b"007.05"), Ok(7_050));
		assert_eq!(parse_volume_thousandths(b"1.2500"), Ok(1_250));
		assert_eq!(parse_volume_thousandths(b"0.001"), Ok(1));
		assert_eq!(parse_volume_thousandths(b"1.2345"), Err(DecimalError::TooManyDecimals));
		assert_eq!(parse_volume_thousandths(b""), Err(DecimalError::Empty));
		for bad in [
			&b"abc"[..],
			b"1e3",
			b"--1",
			b"+1",
			b".5",
			b"5.",
			b"1.2.3",
			b"1,5",
			b"-",
			b" 1",
			b"1.2x",
		] {
			assert_eq!(parse_volume_thousandths(bad), Err(DecimalError::Syntax), "{bad:?}");
		}
		assert_eq!(
			parse_volume_thousandths(b"9223372036854775.807"),
			Ok(9_223_372_036_854_775_807)
		);
		assert_eq!(parse_volume_thousandths(b"9223372036854775.808"), Err(DecimalError::Overflow));
		assert_eq!(parse_volume_thousandths(b"99999999999999999999"), Err(DecimalError::Overflow));
	}

	#[test]
	fn dates_parse_and_validate() {
		assert_eq!(parse_ymd(b"2026-02-15", false), Some((2026, 2, 15)));
		assert_eq!(parse_ymd(b"2024-02-29", false), Some((2024, 2, 29)));
		assert_eq!(parse_ymd(b"2026-02-29", false), None);
		assert_eq!(parse_ymd(b"2026-13-01", false), None);
		assert_eq!(parse_ymd(b"2026-04-31", false), None);
		assert_eq!(parse_ymd(b"2026-1-01", false), None);
		assert_eq!(parse_ymd(b"2026-02-15 10:00:00", false), None);
		assert_eq!(parse_ymd(b"2026-02-15 10:00:00", true), Some((2026, 2, 15)));
		assert_eq!(parse_ymd(b"2026-02-15T10:00:00", true), Some((2026, 2, 15)));
		assert_eq!(parse_ymd(b"2026-02-15x", true), None);
		assert_eq!(parse_year_month(b"2026-01"), Some((2026, 1)));
		assert_eq!(parse_year_month(b"2026-00"), None);
		assert_eq!(parse_year_month(b"2026-1"), None);
		assert_eq!(parse_year_month(b"202601x"), None);
	}
}
