#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let stage = std::env::args().nth(2).unwrap_or("code".into());
    let n: usize = std::env::args()
        .nth(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with("ar") {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    let docs: Vec<rasd_model::Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| rasd_model::Document {
            id: format!("d{i}"),
            url: None,
            title: None,
            published: chrono::NaiveDate::from_ymd_opt(2023, 5, 1)
                .and_then(|d| d.and_hms_opt(1, 0, 0)),
            lang: Some(rasd_model::Language::Ar),
            text: t.clone(),
            body: vec![],
        })
        .collect();
    let c = rasd_coder::Coder::global();
    c.preload();
    let _ = rasd_gazetteer::Gazetteer::global().lookup("x");
    let ans: Vec<_> = texts.iter().map(|x| rasd_text::analyze(x)).collect();
    for _ in 0..n {
        match stage.as_str() {
            "none" => {}
            "analyze" => {
                for x in &texts {
                    std::hint::black_box(rasd_text::analyze(x));
                }
            }
            "dates" => {
                for (x, a) in texts.iter().zip(&ans) {
                    std::hint::black_box(rasd_text::dates::find_dates(x, a, None));
                }
            }
            "qty" => {
                for (x, a) in texts.iter().zip(&ans) {
                    std::hint::black_box(rasd_text::numbers::find_quantities(x, a));
                }
            }
            "gaz" => {
                for (x, a) in texts.iter().zip(&ans) {
                    std::hint::black_box(
                        rasd_gazetteer::Gazetteer::global().geocode_with_countries(x, a),
                    );
                }
            }
            _ => {
                for d in &docs {
                    std::hint::black_box(c.code(d));
                }
            }
        }
    }
    eprintln!(
        "{} bytes x {n}",
        texts.iter().map(|t| t.len()).sum::<usize>()
    );
}
