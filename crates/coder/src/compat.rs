//! TEMPORARY ADAPTER — delete once `rasd_gazetteer` is on main.
//!
//! A minimal stand-in with the contract signatures of GAZETTEER_API.md, so
//! the coder can be built and measured before the real gazetteer lands:
//! it knows countries and demonyms only, and reads a place list derived
//! from the shared gazetteer extract when `RASD_COMPAT_GAZETTEER` points at
//! it (development measurements only; tests never set it).

pub mod gazetteer {
    //! Countries and demonyms only (plus the shared extract when
    //! `RASD_COMPAT_GAZETTEER` is set, for development measurements).

    use std::collections::HashMap;
    use std::sync::LazyLock;

    use rasd_model::Span;
    use rasd_text::Analysis;

    use crate::lexicon::{PhraseMatcher, Words};

    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    pub enum PlaceKind {
        Country,
        Admin1,
        Admin2,
        PopulatedPlace,
        Region,
        Other,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct Place {
        pub id: u32,
        pub name: String,
        pub kind: PlaceKind,
        pub iso3: String,
        pub country: String,
        pub admin1: String,
        pub admin2: String,
        pub lat: f64,
        pub lon: f64,
        pub population: u64,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub enum Relation {
        At,
        Near,
        Distance {
            km: Option<f64>,
            direction: Option<String>,
        },
        Direction(String),
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct PlaceMention {
        pub span: Span,
        pub surface: String,
        pub place: Option<Place>,
        pub relation: Relation,
        pub relation_span: Option<Span>,
        pub geo_precision: u8,
        pub score: f32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    pub enum CountryForm {
        Name,
        Demonym,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct CountryMention {
        pub span: Span,
        pub iso3: &'static str,
        pub country: &'static str,
        pub form: CountryForm,
    }

    const COUNTRIES: &[(&str, &str, &str, &str)] = &[
        (
            "MLI",
            "Mali",
            "مالي",
            "المالي|المالية|الماليين|ماليين|الماليون|malien|malienne|maliens|Malian",
        ),
        (
            "BFA",
            "Burkina Faso",
            "بوركينا فاسو|بوركينا",
            "البوركيني|البوركينية|البوركينيين|بوركينابي|burkinabè|burkinabe|Burkinabe",
        ),
        (
            "NER",
            "Niger",
            "النيجر",
            "النيجري|النيجرية|النيجريين|nigérien|nigerien|Nigerien",
        ),
        (
            "NGA",
            "Nigeria",
            "نيجيريا",
            "النيجيري|النيجيرية|النيجيريين|nigérian|Nigerian",
        ),
        (
            "TCD",
            "Chad",
            "تشاد",
            "التشادي|التشادية|التشاديين|tchadien|Chadian",
        ),
        (
            "CMR",
            "Cameroon",
            "الكاميرون",
            "الكاميروني|الكاميرونية|camerounais|Cameroonian",
        ),
        ("BEN", "Benin", "بنين", "البنيني|البنينية|béninois|Beninese"),
        ("TGO", "Togo", "توغو", "التوغولي|togolais|Togolese"),
        (
            "SEN",
            "Senegal",
            "السنغال",
            "السنغالي|السنغالية|sénégalais|Senegalese",
        ),
        (
            "MRT",
            "Mauritania",
            "موريتانيا",
            "الموريتاني|الموريتانية|mauritanien|Mauritanian",
        ),
        (
            "DZA",
            "Algeria",
            "الجزائر",
            "الجزائري|الجزائرية|algérien|Algerian",
        ),
        (
            "LBY",
            "Libya",
            "ليبيا",
            "الليبي|الليبية|الليبيين|libyen|Libyan",
        ),
        (
            "TUN",
            "Tunisia",
            "تونس",
            "التونسي|التونسية|tunisien|Tunisian",
        ),
        (
            "MAR",
            "Morocco",
            "المغرب",
            "المغربي|المغربية|marocain|Moroccan",
        ),
        (
            "EGY",
            "Egypt",
            "مصر",
            "المصري|المصرية|المصريين|égyptien|Egyptian",
        ),
        (
            "SDN",
            "Sudan",
            "السودان",
            "السوداني|السودانية|السودانيين|soudanais|Sudanese",
        ),
        (
            "SSD",
            "South Sudan",
            "جنوب السودان",
            "جنوب سوداني|sud-soudanais|South Sudanese",
        ),
        (
            "SOM",
            "Somalia",
            "الصومال",
            "الصومالي|الصومالية|الصوماليين|somalien|Somali",
        ),
        (
            "ETH",
            "Ethiopia",
            "إثيوبيا|أثيوبيا",
            "الإثيوبي|الإثيوبية|éthiopien|Ethiopian",
        ),
        ("KEN", "Kenya", "كينيا", "الكيني|الكينية|kényan|Kenyan"),
        (
            "YEM",
            "Yemen",
            "اليمن",
            "اليمني|اليمنية|اليمنيين|yéménite|Yemeni",
        ),
        (
            "SAU",
            "Saudi Arabia",
            "السعودية|المملكة العربية السعودية",
            "السعودي|السعوديين|saoudien|Saudi",
        ),
        (
            "SYR",
            "Syria",
            "سوريا|سورية",
            "السوري|السورية|السوريين|syrien|Syrian",
        ),
        (
            "IRQ",
            "Iraq",
            "العراق",
            "العراقي|العراقية|العراقيين|irakien|Iraqi",
        ),
        (
            "LBN",
            "Lebanon",
            "لبنان",
            "اللبناني|اللبنانية|اللبنانيين|libanais|Lebanese",
        ),
        (
            "TUR",
            "Turkey",
            "تركيا",
            "التركي|التركية|الأتراك|turc|turque|Turkish",
        ),
        ("IRN", "Iran", "إيران", "الإيراني|الإيرانية|iranien|Iranian"),
        (
            "ISR",
            "Israel",
            "إسرائيل",
            "الإسرائيلي|الإسرائيلية|israélien|Israeli",
        ),
        (
            "PSE",
            "Palestine",
            "فلسطين|غزة",
            "الفلسطيني|الفلسطينية|palestinien|Palestinian",
        ),
        (
            "JOR",
            "Jordan",
            "الأردن",
            "الأردني|الأردنية|jordanien|Jordanian",
        ),
        (
            "FRA",
            "France",
            "فرنسا",
            "الفرنسي|الفرنسية|الفرنسيين|français|française|French",
        ),
        (
            "RUS",
            "Russia",
            "روسيا",
            "الروسي|الروسية|الروس|روس|russe|Russian",
        ),
        (
            "USA",
            "United States",
            "الولايات المتحدة|أمريكا|أميركا",
            "الأمريكي|الأمريكية|الأميركي|الأميركية|الأمريكيين|américain|American",
        ),
        (
            "GBR",
            "United Kingdom",
            "بريطانيا",
            "البريطاني|البريطانية|britannique|British",
        ),
        (
            "ARE",
            "United Arab Emirates",
            "الإمارات",
            "الإماراتي|الإماراتية|émirien|Emirati",
        ),
    ];

    struct Tables {
        countries: PhraseMatcher<(usize, CountryForm)>,
        places: PhraseMatcher<Place>,
    }

    static TABLES: LazyLock<Tables> = LazyLock::new(|| {
        let mut countries = PhraseMatcher::new();
        for (i, (_, en, names, dems)) in COUNTRIES.iter().enumerate() {
            for n in names.split('|').chain([*en]) {
                countries.insert(n, (i, CountryForm::Name));
            }
            for d in dems.split('|') {
                countries.insert(d, (i, CountryForm::Demonym));
            }
        }
        let places = std::env::var("RASD_COMPAT_GAZETTEER")
            .ok()
            .map(|dir| load_places(&dir))
            .unwrap_or_default();
        Tables { countries, places }
    });

    fn load_places(dir: &str) -> PhraseMatcher<Place> {
        let mut m = PhraseMatcher::new();
        let Ok(text) = std::fs::read_to_string(format!("{dir}/compat_places.tsv")) else {
            return m;
        };
        let iso: HashMap<&str, (&str, &str)> = COUNTRIES
            .iter()
            .map(|(i, e, _, _)| (&i[..2], (*i, *e)))
            .collect();
        let _ = iso;
        for (id, line) in text.lines().enumerate() {
            // name_en, kind, iso3, country, admin1, admin2, lat, lon, pop, aliases(|)
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 10 {
                continue;
            }
            let kind = match f[1] {
                "country" => PlaceKind::Country,
                "admin1" => PlaceKind::Admin1,
                "admin2" => PlaceKind::Admin2,
                _ => PlaceKind::PopulatedPlace,
            };
            let place = Place {
                id: id as u32,
                name: f[0].to_string(),
                kind,
                iso3: f[2].to_string(),
                country: f[3].to_string(),
                admin1: f[4].to_string(),
                admin2: f[5].to_string(),
                lat: f[6].parse().unwrap_or(0.0),
                lon: f[7].parse().unwrap_or(0.0),
                population: f[8].parse().unwrap_or(0),
            };
            for a in f[9].split('|').filter(|a| !a.is_empty()) {
                m.insert(a, place.clone());
            }
        }
        m
    }

    pub struct Gazetteer;

    static GLOBAL: Gazetteer = Gazetteer;

    impl Gazetteer {
        pub fn global() -> &'static Gazetteer {
            &GLOBAL
        }

        pub fn geocode(&self, text: &str, analysis: &Analysis) -> Vec<PlaceMention> {
            let t = &*TABLES;
            let words = Words::new(text, analysis);
            // Only places in countries the text names (a crude stand-in for
            // the gazetteer's disambiguation).
            let named: Vec<&str> = self
                .countries(text, analysis)
                .iter()
                .map(|c| c.iso3)
                .collect();
            let mut hits: Vec<_> = t
                .places
                .find_all(analysis, &words)
                .into_iter()
                .filter(|h| {
                    let p = t.places.value(h.entry);
                    named.contains(&p.iso3.as_str())
                        && (p.population > 0 || p.kind != PlaceKind::PopulatedPlace)
                        && text[h.span.start..h.span.end].chars().count() > 3
                })
                .collect();
            // several places share a name: keep the most populous of each span
            hits.sort_by_key(|h| {
                (
                    h.start,
                    std::cmp::Reverse(h.end),
                    std::cmp::Reverse(t.places.value(h.entry).population),
                )
            });
            let hits = crate::lexicon::longest_first(hits);
            hits.iter()
                .map(|h| PlaceMention {
                    span: h.span,
                    surface: text[h.span.start..h.span.end].to_string(),
                    place: Some(t.places.value(h.entry).clone()),
                    relation: Relation::At,
                    relation_span: None,
                    geo_precision: 1,
                    score: 0.5,
                })
                .collect()
        }

        pub fn countries(&self, text: &str, analysis: &Analysis) -> Vec<CountryMention> {
            let t = &*TABLES;
            let words = Words::new(text, analysis);
            t.countries
                .find(analysis, &words)
                .iter()
                .map(|h| {
                    let (i, form) = *t.countries.value(h.entry);
                    CountryMention {
                        span: h.span,
                        iso3: COUNTRIES[i].0,
                        country: COUNTRIES[i].1,
                        form,
                    }
                })
                .collect()
        }

        #[allow(dead_code)]
        pub fn lookup(&self, _name: &str) -> Vec<Place> {
            Vec::new()
        }

        #[allow(dead_code)]
        pub fn country(&self, iso3: &str) -> Option<Place> {
            COUNTRIES.iter().find(|c| c.0 == iso3).map(|c| Place {
                id: 0,
                name: c.1.to_string(),
                kind: PlaceKind::Country,
                iso3: c.0.to_string(),
                country: c.1.to_string(),
                admin1: String::new(),
                admin2: String::new(),
                lat: 0.0,
                lon: 0.0,
                population: 0,
            })
        }
    }
}
