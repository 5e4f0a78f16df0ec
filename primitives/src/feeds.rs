//! Keys and values the oracle aggregates: daily prices and official monthly production.

use crate::{
	units::{PriceMicroUsd, Volume},
	Commitment, Commodity, Day, Month, WellId,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What a feeder reports on.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum FeedKey {
	/// The spot price of a commodity on a UTC day (WTI for oil, Henry Hub for gas).
	Price(Commodity, Day),
	/// A well's official production for a month (Petrinex).
	Production(WellId, Month),
}

/// Where an official production figure came from, so an amended month can be detected.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Provenance {
	/// The file's "Updated Date" as a UTC day (its version).
	pub updated: Day,
	/// blake2-256 of the downloaded (outer zip) file.
	pub file_hash: Commitment,
}

/// A reported value.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum FeedValue {
	/// A price in micro-USD per bbl (oil) or per MMBtu (gas).
	Price(PriceMicroUsd),
	/// Official monthly volume (litres of oil or m³ of gas) and its source file. Ordered by
	/// volume first, so the oracle's median is the median volume.
	Production {
		/// The month's total.
		volume: Volume,
		/// The source file.
		provenance: Provenance,
	},
}
