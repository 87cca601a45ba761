//! Files on disk under the data directory: streamed in while counted and hashed, published
//! only once complete (written to a temporary name, then renamed), so a reader never sees
//! half a file and an aborted upload leaves nothing behind.

use std::path::{Path, PathBuf};

use axum::body::Bytes;
use futures_util::{Stream, StreamExt};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::config::Config;

/// Where firmware images live, named by their token.
pub fn firmware_dir(config: &Config) -> PathBuf {
    config.data_dir.join("firmware")
}

/// Where uploaded diagnostics live, named by their request's token.
pub fn diagnostics_dir(config: &Config) -> PathBuf {
    config.data_dir.join("diagnostics")
}

/// A file written in full.
#[derive(Debug)]
pub struct Saved {
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the file is larger than the limit of {0} bytes")]
    TooLarge(u64),
    #[error("the upload broke off: {0}")]
    Body(String),
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Stream `body` into `dir/name`, at most `limit` bytes; the previous file of that name is
/// replaced only when the new one is complete.
pub async fn save<S, E>(body: S, dir: &Path, name: &str, limit: u64) -> Result<Saved, SaveError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| SaveError::Io { path, source }
    };
    tokio::fs::create_dir_all(dir).await.map_err(io(dir))?;
    let temporary = dir.join(format!(
        ".upload-{}",
        crate::auth::random_token().map_err(io(dir))?
    ));
    let result = write(body, &temporary, limit).await;
    let result = match result {
        Ok(saved) => tokio::fs::rename(&temporary, dir.join(name))
            .await
            .map(|()| saved)
            .map_err(io(&temporary)),
        Err(error) => Err(error),
    };
    if result.is_err() {
        // Best effort: the temporary name is ignored by every reader anyway.
        let _ = tokio::fs::remove_file(&temporary).await;
    }
    result
}

async fn write<S, E>(body: S, path: &Path, limit: u64) -> Result<Saved, SaveError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    let mut body = std::pin::pin!(body);
    let io = |source| SaveError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut file = tokio::fs::File::create(path).await.map_err(io)?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| SaveError::Body(e.to_string()))?;
        size = size.saturating_add(chunk.len() as u64);
        if size > limit {
            return Err(SaveError::TooLarge(limit));
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(io)?;
    }
    // Durable before it is announced: a station may be told to fetch it right away.
    file.sync_all().await.map_err(io)?;
    Ok(Saved {
        size,
        sha256: hex(&hasher.finalize()),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The last path segment of a name a station gave (some send `logs/diag.zip` or a Windows
/// path), if what remains is a valid file name.
pub fn station_filename(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    crate::domain::firmware::check_filename(last)
        .ok()
        .map(|()| last.to_owned())
}

#[cfg(test)]
mod tests {
    use futures_util::stream;

    use super::*;

    fn chunks(parts: &[&'static str]) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        stream::iter(
            parts
                .iter()
                .map(|p| Ok(Bytes::from_static(p.as_bytes())))
                .collect::<Vec<_>>(),
        )
    }

    #[tokio::test]
    async fn saves_hashes_and_replaces_only_when_complete() {
        let dir = tempfile::tempdir().unwrap();
        let saved = save(chunks(&["ab", "c"]), dir.path(), "f", 10)
            .await
            .unwrap();
        assert_eq!(saved.size, 3);
        // sha256("abc")
        assert_eq!(
            saved.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let error = save(chunks(&["12345", "678901"]), dir.path(), "f", 10)
            .await
            .unwrap_err();
        assert!(matches!(error, SaveError::TooLarge(10)));
        assert_eq!(std::fs::read(dir.path().join("f")).unwrap(), b"abc");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn station_file_names_lose_their_directories() {
        assert_eq!(
            station_filename("logs/diag.zip").as_deref(),
            Some("diag.zip")
        );
        assert_eq!(station_filename("C:\\x\\d.log").as_deref(), Some("d.log"));
        assert_eq!(station_filename("d.log").as_deref(), Some("d.log"));
        assert_eq!(station_filename("logs/"), None);
        assert_eq!(station_filename(".."), None);
    }
}
