//! `newsgraph stats`: counts, most connected entities, PageRank, components; also
//! written to the `entity_stats` table.

use std::path::Path;

use anyhow::Context;
use comfy_table::Table;
use newsgraph::stats::{self, EntityStat};
use newsgraph::terminal::line;
use rusqlite::{Connection, OpenFlags};

/// Counts per type and predicate, most connected entities, PageRank, components.
#[derive(Debug, Clone, clap::Args)]
pub struct StatsArgs {
    /// How many entities to list by degree and by PageRank.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Do not update the entity_stats table.
    #[arg(long)]
    pub no_write: bool,
}

fn counts(title: &str, rows: &[(String, u64)]) -> Table {
    let mut t = Table::new();
    t.set_header(vec![title, "count"]);
    for (name, n) in rows {
        t.add_row(vec![line(name).into_owned(), n.to_string()]);
    }
    t
}

fn ranking(title: &str, rows: &[&EntityStat]) -> Table {
    let mut t = Table::new();
    t.set_header(vec![title, "type", "degree", "pagerank", "component", "id"]);
    for s in rows {
        t.add_row(vec![
            line(&s.name).into_owned(),
            line(&s.etype).into_owned(),
            s.degree.to_string(),
            format!("{:.5}", s.pagerank),
            s.component.to_string(),
            s.entity_id.clone(),
        ]);
    }
    t
}

pub fn run(args: &StatsArgs, db: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        db.exists(),
        "no database at {}; build it first",
        db.display()
    );
    // writing entity_stats waits for a build that holds the database
    let _lock = if args.no_write {
        None
    } else {
        Some(newsgraph::writelock::acquire(db, "stats", &|who| eprintln!("waiting: {} holds {}", line(who), db.display()))?)
    };
    let flags = if args.no_write {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    };
    let conn = Connection::open_with_flags(db, flags)
        .with_context(|| format!("opening {}", db.display()))?;
    let s = stats::compute(&conn)?;
    println!(
        "{} articles, {} entities, {} facts, {} edges between entities",
        s.articles, s.entities, s.facts, s.edges
    );
    let largest = s.component_sizes.first().copied().unwrap_or(0);
    println!(
        "{} connected components; the largest has {} entities\n",
        s.components, largest
    );
    println!("{}\n", counts("entity type", &s.entities_by_type));
    println!("{}\n", counts("predicate", &s.facts_by_predicate));
    println!("{}\n", ranking("most connected", &s.top_degree(args.top)));
    println!("{}", ranking("highest PageRank", &s.top_pagerank(args.top)));
    if !args.no_write {
        stats::write_entity_stats(&conn, &s)?;
        eprintln!("wrote {} rows to entity_stats", s.per_entity.len());
    }
    Ok(())
}
