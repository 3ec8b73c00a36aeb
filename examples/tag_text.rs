//! Prints the name tagger's reading of a text: `cargo run --example tag_text -- "text"`.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let toks = newsgraph::analyse::tokens::tokenize(&text);
    let tags = newsgraph::analyse::tagger::Model::embedded().tag(&toks);
    for (t, g) in toks.iter().zip(tags) {
        if newsgraph::analyse::tagger::is_instance(t) {
            print!("{}/{} ", t.text, g.name());
        } else {
            print!("{} ", t.text);
        }
    }
    println!();
}
