//! Reading a user's file with a size cap, whatever the file is: a regular file's size is known before
//! it is read, but `/dev/zero`, a pipe or a file still growing says nothing (or 0) until read, and
//! reading it whole would run until memory runs out.

use std::io::Read;
use std::path::Path;

/// A file read whole, or refused for its size.
#[derive(Debug, PartialEq, Eq)]
pub enum Capped {
    Read(Vec<u8>),
    /// Larger than the cap: `len` is the size when the file system knows it (a regular file), `None`
    /// for a device or a pipe, which was read only up to the cap.
    TooLarge {
        len: Option<u64>,
    },
}

/// Reads at most `cap` bytes of `path`; a file with more is refused without reading the rest.
pub fn read_capped(path: &Path, cap: u64) -> std::io::Result<Capped> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() && meta.len() > cap {
        return Ok(Capped::TooLarge { len: Some(meta.len()) });
    }
    let mut bytes = Vec::new();
    // One byte more than the cap tells "exactly the cap" from "more".
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Ok(Capped::TooLarge { len: meta.is_file().then_some(bytes.len() as u64) });
    }
    Ok(Capped::Read(bytes))
}

/// "is 50.0 MiB" or, for a device or a pipe, "holds more than 8 MiB": the start of a message.
pub fn size_words(len: Option<u64>, cap: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    match len {
        Some(len) => format!("is {:.1} MiB", len as f64 / MIB),
        None => format!("holds more than {} MiB", cap as f64 / MIB),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_exactly_the_cap_is_read_and_one_byte_more_is_refused() {
        let dir = std::env::temp_dir().join(format!("read-capped-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        let path = dir.join("ten.txt");
        std::fs::write(&path, b"0123456789").expect("written");
        assert_eq!(read_capped(&path, 10).expect("readable"), Capped::Read(b"0123456789".to_vec()));
        assert_eq!(read_capped(&path, 9).expect("readable"), Capped::TooLarge { len: Some(10) });
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }

    #[test]
    fn a_device_is_read_only_up_to_the_cap() {
        assert_eq!(read_capped(Path::new("/dev/zero"), 1024).expect("readable"), Capped::TooLarge { len: None });
        assert_eq!(size_words(None, 8 * 1024 * 1024), "holds more than 8 MiB");
        assert_eq!(size_words(Some(50 * 1024 * 1024), 8 * 1024 * 1024), "is 50.0 MiB");
    }
}
