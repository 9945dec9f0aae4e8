//! The kind of a gazetteer record (shared with the build script).

/// What kind of feature a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PlaceKind {
    Country,
    Admin1,
    Admin2,
    PopulatedPlace,
    Region,
    Other,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 6] = [
        PlaceKind::Country,
        PlaceKind::Admin1,
        PlaceKind::Admin2,
        PlaceKind::PopulatedPlace,
        PlaceKind::Region,
        PlaceKind::Other,
    ];
}
