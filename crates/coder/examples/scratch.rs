fn main() {
    let text = std::env::args().nth(1).unwrap();
    let an = rasd_text::analyze(&text);
    for q in rasd_text::numbers::find_quantities(&text, &an) {
        println!("{:?} {:?}", &text[q.span.start..q.span.end], q);
    }
    for t in &an.tokens {
        if t.kind == rasd_text::TokenKind::Word {
            print!(
                "{}|{}|{} ; ",
                &text[t.span.start..t.span.end],
                t.key,
                t.stem
            );
        }
    }
    println!();
}
