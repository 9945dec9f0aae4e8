//! ACLED categories as types.
//!
//! The names serialize exactly as the ACLED codebook writes them
//! ("Explosions/Remote violence", "Remote explosive/landmine/IED"), so the
//! JSON and CSV Rasd writes are read by tools built for ACLED exports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A category name that is not in the codebook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}")]
pub struct UnknownCategory {
    pub kind: &'static str,
    pub value: String,
}

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident, $kind:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownCategory;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(t))
                    .ok_or_else(|| UnknownCategory { kind: $kind, value: s.to_string() })
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

named_enum!(
    /// ACLED's top-level split.
    DisorderType, "disorder type" {
        PoliticalViolence => "Political violence",
        Demonstrations => "Demonstrations",
        StrategicDevelopments => "Strategic developments",
    }
);

named_enum!(
    /// The six ACLED event types.
    EventType, "event type" {
        Battles => "Battles",
        ExplosionsRemoteViolence => "Explosions/Remote violence",
        ViolenceAgainstCivilians => "Violence against civilians",
        Protests => "Protests",
        Riots => "Riots",
        StrategicDevelopments => "Strategic developments",
    }
);

named_enum!(
    /// ACLED sub-event types; each belongs to exactly one [`EventType`].
    SubEventType, "sub-event type" {
        ArmedClash => "Armed clash",
        GovernmentRegainsTerritory => "Government regains territory",
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        ChemicalWeapon => "Chemical weapon",
        AirDroneStrike => "Air/drone strike",
        SuicideBomb => "Suicide bomb",
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        Grenade => "Grenade",
        SexualViolence => "Sexual violence",
        Attack => "Attack",
        AbductionForcedDisappearance => "Abduction/forced disappearance",
        PeacefulProtest => "Peaceful protest",
        ProtestWithIntervention => "Protest with intervention",
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        ViolentDemonstration => "Violent demonstration",
        MobViolence => "Mob violence",
        Agreement => "Agreement",
        Arrests => "Arrests",
        ChangeToGroupActivity => "Change to group/activity",
        DisruptedWeaponsUse => "Disrupted weapons use",
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        LootingPropertyDestruction => "Looting/property destruction",
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        Other => "Other",
    }
);

impl SubEventType {
    /// The event type this sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }
}

impl EventType {
    /// The disorder type of an event type. Mob violence is political
    /// violence in ACLED; other riots are demonstrations — hence the
    /// sub-event type is needed.
    pub fn disorder_type(self, sub: SubEventType) -> DisorderType {
        match self {
            EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians => DisorderType::PoliticalViolence,
            EventType::Protests => DisorderType::Demonstrations,
            EventType::Riots if sub == SubEventType::MobViolence => DisorderType::PoliticalViolence,
            EventType::Riots => DisorderType::Demonstrations,
            EventType::StrategicDevelopments => DisorderType::StrategicDevelopments,
        }
    }

    /// The sub-event types of this type.
    pub fn sub_event_types(self) -> impl Iterator<Item = SubEventType> {
        SubEventType::ALL
            .iter()
            .copied()
            .filter(move |s| s.event_type() == self)
    }
}

named_enum!(
    /// How exactly the text fixes a date.
    DatePrecision, "date precision" {
        Day => "day",
        Week => "week",
        Month => "month",
        Year => "year",
    }
);

named_enum!(
    /// How the text qualifies a fatality figure.
    FatalityQualifier, "fatalities qualifier" {
        Exact => "exact",
        AtLeast => "at_least",
        MoreThan => "more_than",
        Approx => "approx",
        Unknown => "unknown",
    }
);

named_enum!(
    /// The victim groups of `fatalities_by_group`.
    FatalityGroup, "fatality group" {
        Civilians => "civilians",
        Military => "military",
        Police => "police",
        Fighters => "fighters",
        Mercenaries => "mercenaries",
        Peacekeepers => "peacekeepers",
        Protesters => "protesters",
        Unknown => "unknown",
    }
);

/// ACLED actor category (the `inter` code), 1..=8; 0 means "no actor".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum Inter {
    None = 0,
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    External = 8,
}

impl Inter {
    pub fn code(self) -> u8 {
        self as u8
    }

    /// ACLED's interaction code: the two inter codes, lower first (`27`).
    /// With no second actor it is the first code alone times ten (`20`).
    pub fn interaction(a: Inter, b: Inter) -> u8 {
        let (x, y) = (a.code(), b.code());
        if y == 0 {
            return x * 10;
        }
        if x == 0 {
            return y * 10;
        }
        x.min(y) * 10 + x.max(y)
    }
}

impl From<Inter> for u8 {
    fn from(i: Inter) -> u8 {
        i.code()
    }
}

impl TryFrom<u8> for Inter {
    type Error = UnknownCategory;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Ok(match v {
            0 => Inter::None,
            1 => Inter::StateForces,
            2 => Inter::RebelGroup,
            3 => Inter::PoliticalMilitia,
            4 => Inter::IdentityMilitia,
            5 => Inter::Rioters,
            6 => Inter::Protesters,
            7 => Inter::Civilians,
            8 => Inter::External,
            _ => {
                return Err(UnknownCategory {
                    kind: "inter code",
                    value: v.to_string(),
                })
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in SubEventType::ALL {
            let json = serde_json::to_string(s).unwrap();
            let back: SubEventType = serde_json::from_str(&json).unwrap();
            assert_eq!(*s, back);
        }
        assert_eq!(
            "Explosions/Remote violence".parse::<EventType>().unwrap(),
            EventType::ExplosionsRemoteViolence
        );
        assert!("Bombing".parse::<EventType>().is_err());
    }

    #[test]
    fn every_type_has_sub_types() {
        for t in EventType::ALL {
            assert!(t.sub_event_types().count() >= 2, "{t}");
        }
        assert_eq!(EventType::Battles.sub_event_types().count(), 3);
        assert_eq!(
            EventType::StrategicDevelopments.sub_event_types().count(),
            8
        );
    }

    #[test]
    fn interaction_codes() {
        assert_eq!(Inter::interaction(Inter::RebelGroup, Inter::Civilians), 27);
        assert_eq!(Inter::interaction(Inter::Civilians, Inter::RebelGroup), 27);
        assert_eq!(Inter::interaction(Inter::Protesters, Inter::None), 60);
        assert_eq!(
            EventType::Riots.disorder_type(SubEventType::MobViolence),
            DisorderType::PoliticalViolence
        );
    }
}
