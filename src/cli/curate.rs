//! `newsgraph merge A B` and `newsgraph split ENTITY ALIAS`: user decisions recorded in
//! the curation file next to the database and applied by every later build.

use std::path::PathBuf;

use anyhow::Result;
use newsgraph::{curation, store};

/// Make two entities one (ids, names or aliases).
#[derive(Debug, Clone, clap::Args)]
pub struct MergeArgs {
    /// An entity: id, name or alias.
    pub a: String,
    /// The entity to make one with A: id, name or alias.
    pub b: String,
    #[arg(long, default_value = "out/kg.db")]
    pub db: PathBuf,
}

/// Take the parts called ALIAS out of ENTITY (an id, name or alias).
#[derive(Debug, Clone, clap::Args)]
pub struct SplitArgs {
    /// The entity to split: id, name or alias.
    pub entity: String,
    /// The name whose local entities leave it.
    pub alias: String,
    #[arg(long, default_value = "out/kg.db")]
    pub db: PathBuf,
}

fn open(db: &std::path::Path) -> Result<rusqlite::Connection> {
    if !db.exists() {
        anyhow::bail!("no database at {} (run `newsgraph build` first)", db.display());
    }
    store::open(db)
}

/// The database's write lock, waiting (with a message) while a build holds it.
fn lock(db: &std::path::Path) -> Result<newsgraph::writelock::WriteLock> {
    if !db.exists() {
        anyhow::bail!("no database at {} (run `newsgraph build` first)", db.display());
    }
    newsgraph::writelock::acquire(db, "curation", &|who| eprintln!("waiting: {} holds {}", newsgraph::terminal::line(who), db.display()))
}

pub fn merge(args: &MergeArgs) -> Result<()> {
    let _lock = lock(&args.db)?;
    let mut conn = open(&args.db)?;
    let file = curation::path_for(&args.db);
    let id = curation::merge(&mut conn, &file, &args.a, &args.b).map_err(|e| store::locked_advice(e, &args.db))?;
    outln!("merged {:?} and {:?} into {id}; recorded in {}", args.a, args.b, file.display());
    Ok(())
}

pub fn split(args: &SplitArgs) -> Result<()> {
    let _lock = lock(&args.db)?;
    let mut conn = open(&args.db)?;
    let file = curation::path_for(&args.db);
    let id = curation::split(&mut conn, &file, &args.entity, &args.alias).map_err(|e| store::locked_advice(e, &args.db))?;
    outln!("split {:?} out of {:?} as {id}; recorded in {}", args.alias, args.entity, file.display());
    Ok(())
}

/// Give ENTITY (an id, name or alias) the type TYPE.
#[derive(Debug, Clone, clap::Args)]
pub struct RetypeArgs {
    pub entity: String,
    pub etype: String,
    #[arg(long, default_value = "out/kg.db")]
    pub db: PathBuf,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum CurationCmd {
    /// The decisions, numbered, in the order builds apply them.
    List {
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
    },
    /// Take decision N (as `curation list` numbers it) out and resolve again.
    Undo {
        n: usize,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
    },
}

pub fn retype(args: &RetypeArgs) -> Result<()> {
    let t: newsgraph::model::EntityType = args.etype.to_uppercase().parse().map_err(|e: String| anyhow::anyhow!(e))?;
    let mut conn = open(&args.db)?;
    let file = curation::path_for(&args.db);
    let id = curation::retype(&mut conn, &file, &args.entity, t).map_err(|e| store::locked_advice(e, &args.db))?;
    outln!("{:?} is now {id}; recorded in {}", args.entity, file.display());
    Ok(())
}

pub fn curation(cmd: &CurationCmd) -> Result<()> {
    match cmd {
        CurationCmd::List { db } => {
            let file = curation::path_for(db);
            let ds = curation::load(&file)?;
            if ds.is_empty() {
                outln!("no decisions ({} does not hold any)", file.display());
            }
            for (i, d) in ds.iter().enumerate() {
                outln!("{}\t{}\t{}\t{}\t{}", i + 1, d.action.as_str(), d.etype.as_str(), d.name, d.other);
            }
        }
        CurationCmd::Undo { n, db } => {
            let mut conn = open(db)?;
            let file = curation::path_for(db);
            let d = curation::undo(&mut conn, &file, *n).map_err(|e| store::locked_advice(e, db))?;
            outln!("undid {} {} {:?} {:?}; removed from {}", d.action.as_str(), d.etype.as_str(), d.name, d.other, file.display());
        }
    }
    Ok(())
}
