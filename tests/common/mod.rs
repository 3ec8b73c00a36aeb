//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The bundled sample articles.
pub fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

/// A folder `in` under `dir` holding a copy of the sample articles, to add files to.
// (each test binary compiles this module; not every one uses every helper)
#[allow(dead_code)]
pub fn copy_of_samples(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    for f in std::fs::read_dir(articles()).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, input.join(f.file_name().unwrap())).unwrap();
    }
    input
}
