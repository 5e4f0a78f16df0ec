//! The simulator and the offchain worker's parser (`tn-ingest`) are written independently; this
//! test checks that they agree: the same header, and every configured well's official figure —
//! public, confidential (masked identifiers: unknown), with another operator's rows (not counted),
//! alphanumeric identifiers — read back exactly from a generated month.

use std::collections::BTreeMap;
use tn_feed_sim::{petrinex, SimConfig};
use tn_ingest::{PetrinexIngest, WellMatcher, WellTotal};

#[test]
fn the_simulator_writes_the_header_the_parser_knows() {
	assert_eq!(petrinex::HEADER, tn_ingest::petrinex::VOL_HEADER);
}

/// Plain-text registry: identifier → (key, product, operator, facility).
struct Registry(BTreeMap<String, (usize, String, String, String)>);

impl WellMatcher for Registry {
	type Key = usize;
	fn match_well(&self, id: &[u8], product: &[u8]) -> Option<usize> {
		let (k, p, _, _) = self.0.get(std::str::from_utf8(id).ok()?)?;
		(p.as_bytes() == product).then_some(*k)
	}
	fn is_operator(&self, key: usize, baid: &[u8]) -> bool {
		self.0.values().any(|(k, _, op, _)| *k == key && op.as_bytes() == baid)
	}
	fn wells_at_facility(&self, facility: &[u8], product: &[u8], mark: &mut dyn FnMut(usize)) {
		for (k, p, _, f) in self.0.values() {
			if f.as_bytes() == facility && p.as_bytes() == product {
				mark(*k);
			}
		}
	}
}

#[test]
fn every_configured_well_is_read_back_exactly() {
	let cfg = SimConfig::from_json(
		r#"{"seed":7,"petrinex":{"rows":3000,"wells":[
		{"id":"100071901015W400","product":"OIL","operator":"A1B2","facility":"ABBT0071901","months":{"2026-01":"28.500"}},
		{"id":"100161002320W500","product":"GAS","operator":"A1B2","facility":"ABGS0161002","months":{"2026-01":"120.000"}},
		{"id":"102081502320W500","product":"OIL","operator":"A1B2","facility":"ABBT0202020","confidential":true,"months":{"2026-01":"15.000"}},
		{"id":"1W0052706219W500","product":"GAS","operator":"A1B2","facility":"ABGS0303030","months":{"2026-01":"7.000"},
		 "other_operator":{"operator":"Z9Y8","facility":"ABGS0909090","months":{"2026-01":"500.000"}}},
		{"id":"1S0032506124W500","product":"GAS","operator":"0045","facility":"ABBT0148585","months":{"2026-01":"849.100"}}
		]}}"#,
	)
	.expect("config");
	let expected = petrinex::expected_totals(&cfg, (2026, 1), 1);
	let registry = Registry(
		expected
			.iter()
			.enumerate()
			.map(|(k, (id, f))| {
				(
					id.clone(),
					(k, f.product.as_str().to_string(), f.operator.clone(), f.facility.clone()),
				)
			})
			.collect(),
	);
	let file = petrinex::petrinex_month_zip(&cfg, (2026, 1), 1);
	let mut ing = PetrinexIngest::new(&registry, (2026, 1));
	for chunk in file.chunks(65_536) {
		ing.push(chunk).expect("the parser reads the simulator's file");
	}
	let summary = ing.finish().expect("complete");
	assert_eq!(summary.malformed_rows, 0);
	let mut confidential = 0;
	for (k, (id, figure)) in expected.iter().enumerate() {
		let total = summary.wells.get(&k).copied().unwrap_or_default();
		let read = WellTotal::official_thousandths(&total);
		match figure.volume {
			Some(v) => assert_eq!(read, Some(v.0), "{id}"),
			None => {
				assert_eq!(read, None, "{id}: a confidential well is unknown");
				confidential += 1;
			},
		}
		if figure.other_operator.is_some() {
			assert!(total.other_operator_rows > 0, "{id}: the other operator's rows are seen");
		}
	}
	assert_eq!(confidential, 1);
	assert_eq!(expected["1W0052706219W500"].volume.map(|v| v.0), Some(7_000));
	assert_eq!(expected["1S0032506124W500"].volume.map(|v| v.0), Some(849_100));
}
