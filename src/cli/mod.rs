pub mod curate;
pub mod export;
pub mod stats;
