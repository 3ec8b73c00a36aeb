//! `query`: run SQL on a read-only connection and render the result as a table, CSV or JSON.

use anyhow::{bail, Context, Result};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

use crate::export::csv_safe;

/// A query result: column names and rows of displayable values (NULL as None).
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
    /// Whether each column held numbers (for JSON).
    pub numeric: Vec<bool>,
}

/// SQL given on the command line, or read from a `.sql` file.
pub fn load_sql(arg: &str) -> Result<String> {
    if arg.ends_with(".sql") || std::path::Path::new(arg).is_file() {
        return std::fs::read_to_string(arg).with_context(|| format!("cannot read {arg}"));
    }
    Ok(arg.to_string())
}

/// Runs one statement with named parameters (`:name` in the SQL, `name=value` given).
pub fn run(conn: &Connection, sql: &str, params: &[(String, String)]) -> Result<Rows> {
    let sql = sql.trim().trim_end_matches(';');
    let mut st = conn.prepare(sql).with_context(|| "in the SQL".to_string())?;
    for (name, value) in params {
        let key = if name.starts_with([':', '@', '$']) { name.clone() } else { format!(":{name}") };
        let Some(i) = st.parameter_index(&key)? else {
            bail!("the query has no parameter {key}");
        };
        st.raw_bind_parameter(i, value)?;
    }
    for i in 1..=st.parameter_count() {
        if let Some(name) = st.parameter_name(i) {
            if !params.iter().any(|(n, _)| n.trim_start_matches([':', '@', '$']) == name.trim_start_matches([':', '@', '$'])) {
                bail!("the query needs --param {}=VALUE", name.trim_start_matches([':', '@', '$']));
            }
        }
    }
    let columns: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
    let mut numeric = vec![true; columns.len()];
    let mut rows_out = Vec::new();
    let mut rows = st.raw_query();
    while let Some(r) = rows.next()? {
        let mut row = Vec::with_capacity(columns.len());
        for (i, num) in numeric.iter_mut().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => None,
                ValueRef::Integer(n) => Some(n.to_string()),
                ValueRef::Real(f) => Some(format_real(f)),
                ValueRef::Text(t) => {
                    *num = false;
                    Some(String::from_utf8_lossy(t).into_owned())
                }
                ValueRef::Blob(b) => {
                    *num = false;
                    Some(format!("<{} bytes>", b.len()))
                }
            };
            row.push(v);
        }
        rows_out.push(row);
    }
    Ok(Rows { columns, rows: rows_out, numeric })
}

fn format_real(f: f64) -> String {
    let s = format!("{f:.4}");
    let s = s.trim_end_matches('0');
    s.strip_suffix('.').map(|x| format!("{x}.0")).unwrap_or_else(|| s.to_string())
}

impl Rows {
    pub fn to_table(&self) -> String {
        let mut t = comfy_table::Table::new();
        t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
        t.set_header(&self.columns);
        for r in &self.rows {
            t.add_row(r.iter().map(|v| v.clone().unwrap_or_else(|| "NULL".into())));
        }
        format!("{t}\n({} row{})\n", self.rows.len(), if self.rows.len() == 1 { "" } else { "s" })
    }

    /// Spreadsheet-safe CSV: cells that a spreadsheet would run as a formula are neutralised.
    pub fn to_csv(&self, excel_bom: bool) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.columns)?;
        for r in &self.rows {
            w.write_record(r.iter().map(|v| csv_safe(v.as_deref().unwrap_or("")).into_owned()))?;
        }
        let mut s = String::from_utf8(w.into_inner()?)?;
        if excel_bom {
            s.insert(0, '\u{feff}');
        }
        Ok(s)
    }

    pub fn to_json(&self) -> String {
        let arr: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|r| {
                let mut m = serde_json::Map::new();
                for (i, c) in self.columns.iter().enumerate() {
                    let v = match &r[i] {
                        None => serde_json::Value::Null,
                        Some(s) if self.numeric[i] => s.parse::<serde_json::Number>().map(serde_json::Value::Number).unwrap_or_else(|_| s.clone().into()),
                        Some(s) => serde_json::Value::String(s.clone()),
                    };
                    m.insert(c.clone(), v);
                }
                serde_json::Value::Object(m)
            })
            .collect();
        serde_json::to_string_pretty(&arr).unwrap_or_default() + "\n"
    }
}

/// `newsgraph entities [SEARCH]`: entities whose name or alias contains SEARCH (all when
/// None), most facts first. Facts are counted in one pass over the fact table, and
/// aliases gathered for the rows shown only: a count per entity through the `facts` view
/// took minutes on a large graph.
/// `with_facts`: only entities some shown fact is about (most entities are mentions only).
pub fn entities(conn: &Connection, search: Option<&str>, limit: usize, with_facts: bool) -> Result<Rows> {
    let mut conds: Vec<&str> = Vec::new();
    if search.is_some() {
        conds.push("(e.name LIKE :pat ESCAPE '\\' OR EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = e.id AND a.alias LIKE :pat ESCAPE '\\'))");
    }
    if with_facts {
        conds.push("n.c > 0");
    }
    let filter = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
    let sql = format!(
        "WITH n AS (SELECT id, count(*) AS c FROM (
                SELECT subject_entity AS id FROM fact WHERE shown = 1 AND modality = 'asserted' AND subject_entity IS NOT NULL
                UNION ALL
                SELECT object_entity FROM fact WHERE shown = 1 AND modality = 'asserted' AND subject_entity IS NOT NULL
                    AND object_entity IS NOT NULL AND object_entity != subject_entity)
              GROUP BY id),
         hits AS (SELECT e.id, e.name, e.type, e.articles, coalesce(n.c, 0) AS facts
              FROM entity e LEFT JOIN n ON n.id = e.id {filter}
              ORDER BY facts DESC, e.articles DESC, e.id LIMIT :limit)
         SELECT id, name, type, articles, facts,
                (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM alias WHERE entity_id = hits.id ORDER BY seen DESC, alias)) AS aliases
         FROM hits ORDER BY facts DESC, articles DESC, id"
    );
    let mut params = vec![("limit".to_string(), limit.to_string())];
    if let Some(q) = search {
        let escaped: String = q.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
        params.push(("pat".into(), format!("%{escaped}%")));
    }
    run(conn, &sql, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_with_named_parameters() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t(a TEXT, b REAL); INSERT INTO t VALUES ('x', 0.5), ('=y', 1.0);").unwrap();
        let r = run(&c, "SELECT a, b FROM t WHERE a = :name", &[("name".into(), "=y".into())]).unwrap();
        assert_eq!(r.rows, vec![vec![Some("=y".into()), Some("1.0".into())]]);
        assert!(r.to_csv(false).unwrap().contains("'=y"));
        assert!(run(&c, "SELECT * FROM t WHERE a = :name", &[]).is_err());
    }
}
