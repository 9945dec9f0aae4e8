//! Throughput of the text layer on Arabic news prose: `analyze`
//! (normalization + segmentation), the whole-text key, and the number and
//! date readers. The text is composed for the bench (no real article) and
//! repeated to about 1 MB.

//!
//! `cargo bench -p rasd-text` measures with the system allocator;
//! `--features bench-mimalloc` swaps in mimalloc, as a binary may. The
//! token list of `analyze` holds two small strings per word, so glibc's
//! habit of handing freed memory back to the kernel (and faulting it in
//! again for the next document) costs more than the analysis itself.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

#[cfg(feature = "bench-mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PARAGRAPH: &str = "\
أعلنت القوات المسلحة، مساء أمس الأحد، أن ما لا يقل عن 23 جنديًا قُتلوا وأُصيب ١٤ آخرون \
في هجوم شنّه مسلحون على معسكر قرب بلدة بولكيسي، في منطقة موبتي وسط البلاد. \
وقال المتحدث باسم الجيش إن المهاجمين استخدموا عبوات ناسفة وطائرات مسيّرة، \
وإن الاشتباكات استمرت حتى فجر اليوم، مضيفًا أن عشرات المسلحين لقوا حتفهم. \
وتبنّت جماعة نصرة الإسلام والمسلمين الهجوم في بيان نشرته على قنواتها، \
وزعمت أنها استولت على آليات وأسلحة وذخائر. \
ومنذ مطلع العام، قُتل أكثر من ثلاثمئة مدني في المنطقة الحدودية بين مالي وبوركينا فاسو والنيجر، \
بحسب منظمة غير حكومية ترصد أعمال العنف، فيما نزح نحو خمسة وعشرين ألف شخص خلال الأيام السبعة الماضية. \
وكانت الحكومة قد أعلنت في 6 سبتمبر 2022 حالة الطوارئ في ولايتي غاو وميناكا، \
بعد أن هاجم مسلحون قرية تلاتاي يوم الخميس الماضي وأحرقوا عشرات المنازل.\n\
«لم يبقَ لنا شيء»، قال أحد الناجين لمراسلنا في غاو. ويقع المخيم على بعد 150 كم شرق المدينة.\n";

fn corpus() -> String {
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(PARAGRAPH);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("analyze_1MB_text", |b| {
        b.iter(|| {
            let a = rasd_text::analyze(black_box(&text));
            // Assert inside the loop so a fast wrong answer fails.
            assert!(a.sentences.len() > 1000);
            a
        })
    });
    // The usual case: one news document (about 10 kB) at a time.
    let mut doc = String::new();
    while doc.len() < 10_000 {
        doc.push_str(PARAGRAPH);
    }
    let docs = text.len() / doc.len();
    g.throughput(Throughput::Bytes((docs * doc.len()) as u64));
    g.bench_function("analyze_10kB_documents", |b| {
        b.iter(|| {
            for _ in 0..docs {
                let a = rasd_text::analyze(black_box(&doc));
                assert!(a.sentences.len() > 10);
            }
        })
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    let analysis = rasd_text::analyze(&text);
    g.bench_function("normalized_key", |b| {
        b.iter(|| rasd_text::Normalized::from_analysis(black_box(&text), &analysis))
    });
    g.bench_function("find_quantities", |b| {
        b.iter(|| {
            let q = rasd_text::numbers::find_quantities(black_box(&text), &analysis);
            assert!(q.len() > 1000);
            q
        })
    });
    let publication = chrono::NaiveDate::from_ymd_opt(2022, 9, 26);
    g.bench_function("find_dates", |b| {
        b.iter(|| {
            let d = rasd_text::dates::find_dates(black_box(&text), &analysis, publication);
            assert!(d.len() > 1000);
            d
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
