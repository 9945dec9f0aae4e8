//! The shipped data is clean, and the image compiled by the build script
//! matches a compilation of the sources at run time.

use rasd_gazetteer::{Gazetteer, Sources};

#[test]
fn the_data_files_have_no_bad_rows() {
    let problems = Gazetteer::global().data_problems();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn embedded_image_equals_runtime_compilation() {
    let image = Gazetteer::global();
    let runtime = Gazetteer::from_sources(&Sources::embedded());
    let (a, b) = (image.stats(), runtime.stats());
    assert_eq!(
        (a.records, a.countries, a.name_keys, a.loose_keys),
        (b.records, b.countries, b.name_keys, b.loose_keys)
    );
    for name in [
        "جاو",
        "Ménaka",
        "دير الزور",
        "تلاتاي",
        "Liptako-Gourma",
        "الرقة",
        "Tombouctou",
    ] {
        assert_eq!(image.lookup(name), runtime.lookup(name), "{name}");
    }
    let text = "قتل جنود قرب ميناكا وفي بلدة تيسيت بمنطقة غاو، وشمال مالي.";
    let a = rasd_text::analyze(text);
    assert_eq!(image.geocode(text, &a), runtime.geocode(text, &a));
}

#[test]
fn lookup_and_country_records() {
    let g = Gazetteer::global();
    let gao = &g.lookup("غاو")[0];
    assert_eq!((gao.name.as_str(), gao.iso3.as_str()), ("Gao", "MLI"));
    assert!((gao.lat - 16.27).abs() < 0.1 && gao.lon.abs() < 0.2);
    let mali = g.country("MLI").expect("Mali");
    assert_eq!((mali.name.as_str(), mali.admin1.as_str()), ("Mali", ""));
    assert_eq!(g.country("SYR").unwrap().name, "Syria");
    assert!(g.country("XXX").is_none());
    assert_eq!(g.lookup("Tombouctou")[0].name, "Timbuktu");
    assert!(g.lookup("").is_empty());
    assert_eq!(g.place(gao.id).as_ref(), Some(gao));
}

#[test]
fn acled_style_names() {
    let g = Gazetteer::global();
    let a1 = |name: &str| g.lookup(name)[0].admin1.clone();
    assert_eq!(a1("تمبكتو"), "Timbuktu");
    assert_eq!(a1("Ménaka"), "Menaka");
    assert_eq!(a1("Tillabéri"), "Tillaberi");
    assert_eq!(a1("Maiduguri"), "Borno");
    assert_eq!(a1("الفاشر"), "North Darfur");
    assert_eq!(a1("مقديشو"), "Banadir");
    assert_eq!(g.lookup("الرقة")[0].name, "Ar-Raqqa");
    assert_eq!(a1("الموصل"), "Ninewa");
}
