//! Loading the gazetteer and geocoding Arabic text.
//!
//! `cargo bench -p rasd-gazetteer`. The corpus is built from the sentences
//! of `tests/data/mentions.tsv` (one place name each) mixed with news prose
//! without place names, three to one, so that the density of names is that
//! of a wire story rather than of a list. Each timed loop checks its
//! result, so a fast wrong answer fails.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_gazetteer::Gazetteer;

const PROSE: &[&str] = &[
    "وقالت مصادر محلية إن المهاجمين وصلوا على متن دراجات نارية وأطلقوا النار بشكل عشوائي قبل أن ينسحبوا.",
    "وأضاف المسؤول الذي طلب عدم الكشف عن هويته أن حصيلة الضحايا مرشحة للارتفاع بسبب خطورة بعض الإصابات.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما فتحت السلطات تحقيقا لتحديد ملابساته.",
    "ويشهد البلد منذ سنوات أعمال عنف متكررة تنسب إلى جماعات مسلحة تنشط في المناطق الحدودية.",
    "وأكد بيان صادر عن هيئة الأركان أن الوحدات تمكنت من صد الهجوم وضبط كميات من الأسلحة والذخيرة.",
    "ودعت منظمات حقوقية إلى حماية المدنيين وفتح ممرات آمنة لإيصال المساعدات الإنسانية إلى المتضررين.",
];

fn corpus(min_bytes: usize) -> String {
    let mentions: Vec<&str> = include_str!("../tests/data/mentions.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut text = String::with_capacity(min_bytes + 4096);
    let mut i = 0;
    while text.len() < min_bytes {
        text.push_str(mentions[i % mentions.len()]);
        text.push(' ');
        for k in 0..3 {
            text.push_str(PROSE[(i * 3 + k) % PROSE.len()]);
            text.push(' ');
        }
        if i % 4 == 3 {
            text.push('\n');
        }
        i += 1;
    }
    text
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn load(c: &mut Criterion) {
    let before = peak_rss_mb();
    let g = Gazetteer::load_embedded();
    eprintln!(
        "gazetteer: {:?}; peak RSS before load {:?} MB, after {:?} MB",
        g.stats(),
        before,
        peak_rss_mb()
    );
    drop(g);
    c.bench_function("load_embedded", |b| {
        b.iter(|| {
            let g = Gazetteer::load_embedded();
            assert!(g.stats().records > 100_000);
            black_box(g)
        })
    });
}

fn geocode(c: &mut Criterion) {
    let g = Gazetteer::global();
    let text = corpus(1 << 20);
    let analysis = rasd_text::analyze(&text);
    let expected = g.geocode(&text, &analysis).len();
    assert!(expected > 1000, "the corpus names places");
    let mut group = c.benchmark_group("arabic");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("geocode (analysis given)", |b| {
        b.iter(|| {
            let found = g.geocode(black_box(&text), &analysis);
            assert_eq!(found.len(), expected);
        })
    });
    group.bench_function("countries (analysis given)", |b| {
        b.iter(|| {
            let found = g.countries(black_box(&text), &analysis);
            assert!(!found.is_empty());
        })
    });
    group.bench_function("analyze + geocode", |b| {
        b.iter(|| {
            let a = rasd_text::analyze(black_box(&text));
            let found = g.geocode(&text, &a);
            assert_eq!(found.len(), expected);
        })
    });
    group.finish();
}

criterion_group!(benches, load, geocode);
criterion_main!(benches);
