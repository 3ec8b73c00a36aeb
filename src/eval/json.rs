//! The score as JSON, laid out like score.py's `json.dumps(res, indent=2,
//! ensure_ascii=False)` (key order kept, which serde_json's map may not keep).

use super::text::py_float;
use super::{EntityId, Score};

/// A JSON tree that keeps object keys in the order given.
enum J {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<J>),
    Obj(Vec<(&'static str, J)>),
    Map(Vec<(String, J)>),
}

fn id(e: &EntityId) -> J {
    match e {
        EntityId::Null => J::Null,
        EntityId::Int(i) => J::Int(*i),
        EntityId::Text(s) => J::Str(s.clone()),
    }
}

fn strs(items: &[String]) -> J {
    J::List(items.iter().map(|s| J::Str(s.clone())).collect())
}

fn pairs(items: &[(EntityId, Vec<String>)]) -> J {
    J::List(
        items
            .iter()
            .map(|(e, ks)| J::List(vec![id(e), strs(ks)]))
            .collect(),
    )
}

fn count(n: usize) -> J {
    J::Int(n as i64)
}

fn tree(s: &Score) -> J {
    let opt = |x: Option<f64>| x.map_or(J::Null, J::Float);
    J::Obj(vec![
        ("precision", J::Float(s.precision)),
        ("recall", J::Float(s.recall)),
        ("f1", J::Float(s.f1)),
        ("tp", count(s.tp)),
        ("fp", count(s.fp)),
        ("fn", count(s.fn_)),
        ("other_predicates", count(s.other_predicates)),
        (
            "per_predicate",
            J::Map(
                s.per_predicate
                    .iter()
                    .map(|(p, c)| {
                        (
                            p.clone(),
                            J::Obj(vec![
                                ("tp", count(c.tp)),
                                ("fp", count(c.fp)),
                                ("fn", count(c.fn_)),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
        ("role_accuracy", opt(s.role_accuracy)),
        ("roles_checked", count(s.roles_checked)),
        ("type_accuracy", opt(s.type_accuracy)),
        ("entities_seen", count(s.entities_seen)),
        ("fragmented", strs(&s.fragmented)),
        ("overmerged", pairs(&s.overmerged)),
        ("distinct_violations", pairs(&s.distinct_violations)),
        ("hard_aliases_seen", count(s.hard_aliases_seen)),
        ("hard_aliases_merged", count(s.hard_aliases_merged)),
        (
            "errors",
            J::Map(
                s.errors
                    .iter()
                    .map(|(a, lines)| (a.clone(), strs(lines)))
                    .collect(),
            ),
        ),
    ])
}

fn value(j: J) -> serde_json::Value {
    use serde_json::Value;
    match j {
        J::Null => Value::Null,
        J::Int(i) => i.into(),
        J::Float(f) => f.into(),
        J::Str(s) => s.into(),
        J::List(items) => Value::Array(items.into_iter().map(value).collect()),
        J::Obj(items) => Value::Object(
            items
                .into_iter()
                .map(|(k, v)| (k.to_string(), value(v)))
                .collect(),
        ),
        J::Map(items) => Value::Object(items.into_iter().map(|(k, v)| (k, value(v))).collect()),
    }
}

pub(super) fn to_value(s: &Score) -> serde_json::Value {
    value(tree(s))
}

fn quote(s: &str) -> String {
    // serde_json escapes exactly what json.dumps(ensure_ascii=False) escapes
    serde_json::to_string(s).expect("strings serialise")
}

fn write(j: &J, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    let open_close =
        |out: &mut String, items: Vec<(Option<String>, &J)>, open: char, close: char| {
            if items.is_empty() {
                out.push(open);
                out.push(close);
                return;
            }
            out.push(open);
            for (i, (key, item)) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&pad(depth + 1));
                if let Some(key) = key {
                    out.push_str(&quote(key));
                    out.push_str(": ");
                }
                write(item, depth + 1, out);
            }
            out.push('\n');
            out.push_str(&pad(depth));
            out.push(close);
        };
    match j {
        J::Null => out.push_str("null"),
        J::Int(i) => out.push_str(&i.to_string()),
        J::Float(f) => out.push_str(&py_float(*f)),
        J::Str(s) => out.push_str(&quote(s)),
        J::List(items) => open_close(out, items.iter().map(|j| (None, j)).collect(), '[', ']'),
        J::Obj(items) => open_close(
            out,
            items
                .iter()
                .map(|(k, j)| (Some(k.to_string()), j))
                .collect(),
            '{',
            '}',
        ),
        J::Map(items) => open_close(
            out,
            items.iter().map(|(k, j)| (Some(k.clone()), j)).collect(),
            '{',
            '}',
        ),
    }
}

pub(super) fn to_text(s: &Score) -> String {
    let mut out = String::new();
    write(&tree(s), 0, &mut out);
    out
}
