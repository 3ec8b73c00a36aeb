//! One writer at a time: `build`, `merge`, `split` and `stats` hold an advisory lock on
//! `<db>.lock` while they write. flock, not a row in the database: the kernel drops it
//! when the process dies, kill -9 included, so a crashed build never leaves it stuck.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

/// Held while writing; dropping it removes the lock file and releases the lock.
pub struct WriteLock {
    file: File,
    path: PathBuf,
}

pub fn path_for(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", db.display()))
}

/// Takes the lock of `db`, waiting while another process holds it; `on_wait` is told
/// once who that is ("pid 123 (build)").
pub fn acquire(db: &Path, what: &str, on_wait: &dyn Fn(&str)) -> Result<WriteLock> {
    let path = path_for(db);
    let mut told = false;
    loop {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot create the lock file {} (is the folder writable?)", path.display()))?;
        // SAFETY: flock on a descriptor this function owns.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() != Some(libc::EWOULDBLOCK) {
                return Err(err).with_context(|| format!("cannot lock {}", path.display()));
            }
            if !told {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = if holder.trim().is_empty() { "another process".to_string() } else { holder.trim().to_string() };
                on_wait(&holder);
                told = true;
            }
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        // the holder before us may have removed the file after we opened it: lock the
        // file that is at the path now
        let same = std::fs::metadata(&path).is_ok_and(|m| file.metadata().is_ok_and(|f| f.ino() == m.ino() && f.dev() == m.dev()));
        if !same {
            continue;
        }
        file.set_len(0)?;
        write!(file, "pid {} ({what})", std::process::id())?;
        return Ok(WriteLock { file, path });
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // removed while still held, so no one can lock the old file meanwhile
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.flush();
    }
}
