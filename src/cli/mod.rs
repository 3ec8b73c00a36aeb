pub mod export;
pub mod stats;
