//! newsgraph: news articles → a knowledge graph in SQLite that says where every fact
//! came from.
//!
//! The stages follow the data, one module each, talking only through the types in
//! [`model`]: [`ingest`] (read and clean files) → [`analyse`] (sentences, tokens, typed
//! mentions, coreference) → [`extract`] (rules → facts with evidence) → [`resolve`]
//! (local entities → corpus entities) → [`store`] (SQLite, `schema.sql`) → [`view`]
//! (petgraph subgraphs) → [`export`] (DOT, SVG/PNG, CSV, GraphML, HTML). [`pipeline`] runs
//! the build; [`query`], [`explain`], [`eval`] and [`stats`] read the result;
//! [`datasette`] describes the database to Datasette.

pub mod analyse;
pub mod curation;
pub mod datasette;
pub mod dedup;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod fasthash;
pub mod gazetteer;
pub mod ingest;
pub mod model;
pub mod names;
pub mod nicknames;
pub mod pipeline;
pub mod query;
pub mod resolve;
pub mod smallstr;
pub mod stats;
pub mod store;
pub mod terminal;
pub mod view;
pub mod writelock;
