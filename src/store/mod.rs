//! Drafts on disk: loading a drafts folder, reporting what is wrong with it,
//! and saving drafts without ever losing a word.
//!
//! A drafts folder holds `plenary.yaml` (the [`Session`]) and one
//! `<draft-id>.yaml` per draft. Loading is forgiving: a broken draft file
//! becomes an [`Entry`] with its diagnostics and the others load as usual.
//! Saving is strict: only valid drafts are written, never over a file that
//! failed to load, never outside the folder, and always atomically (see
//! [`atomic`]).
//!
//! All YAML handling lives in this module (`scan`, `wire`, `emit`): the rest
//! of the program sees only the model. serde_yaml is archived upstream; a
//! maintained fork can replace it here alone.

mod atomic;
mod emit;
pub mod lock;
pub mod merge;
mod read;
pub mod recovery;
mod scan;
pub mod watch;
mod wire;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::{self, Draft, Session};

pub use atomic::{is_temp_name, write_atomic};
pub use emit::{draft_yaml, session_yaml};
pub use read::{
    MAX_FILE_BYTES, MAX_PROBLEMS, parse_draft, parse_session, read_capped as read_text,
};
pub use scan::{MAX_DEPTH, MAX_NODES, Position};

/// The session file's name inside a drafts folder.
pub const SESSION_FILE: &str = "plenary.yaml";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with one file, where the file says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub at: Option<Position>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &Path, at: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            at,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: &Path, at: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, at, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `drafts/x.yaml:14:3: unknown Partner 'Frnace' ...`, the form editors
    /// and terminals recognise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(at) = self.at {
            write!(f, ":{}:{}", at.line, at.col)?;
        }
        if self.severity == Severity::Warning {
            f.write_str(": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A loaded drafts folder.
#[derive(Debug, Clone)]
pub struct Folder {
    pub dir: PathBuf,
    pub session: Session,
    /// Drafts in the session's order, then files the order does not name.
    pub entries: Vec<Entry>,
    /// Problems of the folder as a whole (an ordered draft with no file,
    /// a draft file the order does not name).
    pub diagnostics: Vec<Diagnostic>,
    /// The session file's content hash when it was loaded.
    session_fingerprint: Option<u64>,
}

/// A draft that [`Folder::refresh`] found changed on disk.
#[derive(Debug, Clone)]
pub struct Reloaded {
    pub id: String,
    /// The draft as it was loaded before (`None`: new, or it did not load).
    pub before: Option<Draft>,
    /// The draft as it is now (`None`: gone, or it does not load).
    pub after: Option<Draft>,
}

/// A content hash of the file at `path` (`None` if it cannot be read):
/// how outside changes are told apart from a touched timestamp.
pub fn fingerprint(path: &Path) -> Option<u64> {
    fs::read(path).ok().map(|bytes| hash_bytes(&bytes))
}

/// The content hash [`fingerprint`] takes, of bytes already in hand.
fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// One draft file and what loading it gave.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file's stem, which is the draft's id when it loaded.
    pub id: String,
    pub path: PathBuf,
    pub state: EntryState,
    /// Content hash of the file as last read or written.
    pub fingerprint: Option<u64>,
}

#[derive(Debug, Clone)]
pub enum EntryState {
    Loaded(Draft),
    /// The file could not be read, parsed or validated. It is never written.
    Failed(Vec<Diagnostic>),
}

impl Entry {
    pub fn draft(&self) -> Option<&Draft> {
        match &self.state {
            EntryState::Loaded(draft) => Some(draft),
            EntryState::Failed(_) => None,
        }
    }
}

/// Why a save did not happen. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: not saved: the draft is not valid:\n{}", file.display(), list(problems))]
    Invalid {
        file: PathBuf,
        problems: Vec<String>,
    },
    #[error("{}: not saved: the file failed to load, so writing it could destroy what is in it; fix it by hand first", file.display())]
    FailedToLoad { file: PathBuf },
    #[error("{}: not saved: {source}", file.display())]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
}

/// Why [`Folder::update`] changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("no draft '{0}' in the folder")]
    NoSuchDraft(String),
    #[error("{}: the file failed to load; fix it by hand first (plenary validate lists the problems)", .0.display())]
    NotLoaded(PathBuf),
    /// The operation refused, e.g. a Partner withdrawing another's proposal.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Why [`Folder::add_draft`] (or [`Folder::add_to_order`]) added nothing.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("{}: not tabled: the draft is not valid:\n{}", file.display(), list(problems))]
    Invalid {
        file: PathBuf,
        problems: Vec<String>,
    },
    #[error("{}: a draft '{id}' already exists; plenary never overwrites a draft", file.display())]
    Exists { id: String, file: PathBuf },
    #[error("no draft file {} to add to the session's order", file.display())]
    NoFile { file: PathBuf },
    #[error("{}", diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Session { diagnostics: Vec<Diagnostic> },
    #[error("{}: not written: {source}", file.display())]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
}

fn list(items: &[String]) -> String {
    items.join("\n")
}

/// Loads the session and every draft of `dir`. Fails only when the session
/// file itself cannot be loaded: without the Partner list nothing can be
/// checked.
pub fn load_folder(dir: &Path) -> Result<Folder, Vec<Diagnostic>> {
    let session_path = dir.join(SESSION_FILE);
    let session_src = read::read_capped(&session_path).map_err(|d| vec![d])?;
    let session = parse_session(&session_src, &session_path)?;

    let mut files = draft_files(dir).map_err(|e| {
        vec![Diagnostic::error(
            dir,
            None,
            format!("cannot list the drafts folder: {e}"),
        )]
    })?;
    let mut entries = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, id) in session.drafts.iter().enumerate() {
        match files.iter().position(|(stem, _)| stem == id) {
            Some(found) => {
                let (stem, path) = files.remove(found);
                entries.push(load_entry(stem, path, &session));
            }
            None => diagnostics.push(Diagnostic::error(
                &session_path,
                scan::locate(&session_src, &format!("drafts.{i}")),
                format!("draft '{id}' is in the session's order but {id}.yaml does not exist"),
            )),
        }
    }
    for (stem, path) in files {
        diagnostics.push(Diagnostic::warning(
            &path,
            None,
            format!("draft '{stem}' is not in the session's draft order (plenary.yaml 'drafts:'); it is listed last"),
        ));
        entries.push(load_entry(stem, path, &session));
    }
    Ok(Folder {
        dir: dir.to_owned(),
        session,
        entries,
        diagnostics,
        session_fingerprint: fingerprint(&session_path),
    })
}

/// `(stem, path)` of every `*.yaml` draft file in `dir`, sorted by name.
fn draft_files(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".yaml") else {
            continue;
        };
        if name == SESSION_FILE || name.starts_with('.') || entry.file_type()?.is_dir() {
            continue;
        }
        files.push((stem.to_owned(), dir.join(&name)));
    }
    files.sort();
    Ok(files)
}

fn load_entry(id: String, path: PathBuf, session: &Session) -> Entry {
    let (loaded, fingerprint) = read_draft(&path, session);
    let state = match loaded {
        Ok(draft) => EntryState::Loaded(draft),
        Err(diagnostics) => EntryState::Failed(diagnostics),
    };
    Entry {
        id,
        path,
        state,
        fingerprint,
    }
}

/// Reads, parses and validates one draft file. Its id must match its name.
pub fn load_draft(path: &Path, session: &Session) -> Result<Draft, Vec<Diagnostic>> {
    read_draft(path, session).0
}

/// [`load_draft`], and the content hash of the bytes it read: one read
/// serves both.
fn read_draft(path: &Path, session: &Session) -> (Result<Draft, Vec<Diagnostic>>, Option<u64>) {
    match read::read_capped(path) {
        Ok(src) => {
            let hash = hash_bytes(src.as_bytes());
            (parse_checked(&src, path, session), Some(hash))
        }
        // Unreadable as text (too big, not UTF-8): hash the raw bytes.
        Err(d) => (Err(vec![d]), fingerprint(path)),
    }
}

/// Parses and validates `src`, read from `path`; its id must match its name.
fn parse_checked(src: &str, path: &Path, session: &Session) -> Result<Draft, Vec<Diagnostic>> {
    let draft = parse_draft(src, path, session)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy());
    if stem.as_deref() != Some(draft.id.as_str()) {
        return Err(vec![Diagnostic::error(
            path,
            scan::locate(src, "id"),
            format!(
                "id '{}' does not match the file name: a draft's file is named after its id",
                draft.id
            ),
        )]);
    }
    Ok(draft)
}

impl Folder {
    /// Every diagnostic: the folder's and each failed draft's.
    pub fn all_diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = Vec::new();
        for entry in &self.entries {
            if let EntryState::Failed(diagnostics) = &entry.state {
                all.extend(diagnostics);
            }
        }
        all.extend(&self.diagnostics);
        all
    }

    /// Loaded drafts in order.
    pub fn drafts(&self) -> impl Iterator<Item = &Draft> {
        self.entries.iter().filter_map(Entry::draft)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Whether `path` is a `.yaml` file of this folder (a draft or the
    /// session), which nothing but a save may write: exports refuse it.
    pub fn owns(&self, path: &Path) -> bool {
        let is_yaml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        is_yaml
            && matches!(
                (parent.canonicalize(), self.dir.canonicalize()),
                (Ok(a), Ok(b)) if a == b
            )
    }

    /// Where the draft `id` lives (or would live).
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.yaml"))
    }

    /// Applies `op` to draft `id` as it is on disk now and saves the
    /// result: the one way front ends change a draft. It runs under the
    /// draft's lock (see [`lock`]) and reads the file again first, so a
    /// proposal another process saved since this folder was loaded is
    /// kept, and two processes saving at once both land: the change is
    /// merged into what is on disk by replaying the operation on it (which
    /// also re-checks it: a proposal withdrawn meanwhile cannot be
    /// supported). When `op` refuses, or
    /// the file does not load, or the save fails, the file is unchanged and
    /// the error says why.
    pub fn update<T, E: fmt::Display>(
        &mut self,
        id: &str,
        op: impl FnOnce(&mut Draft, &Session) -> Result<T, E>,
    ) -> Result<T, UpdateError> {
        let Some(index) = self.entries.iter().position(|e| e.id == id) else {
            return Err(UpdateError::NoSuchDraft(id.to_string()));
        };
        let path = self.entries[index].path.clone();
        // One writer at a time: the read below sees every save before ours,
        // and no save lands between our read and our write.
        let _lock = lock::acquire(&self.dir, id).map_err(|source| SaveError::Io {
            file: path.clone(),
            source,
        })?;
        if let Some(name) = path.file_name() {
            lock::sweep_temps(&self.dir, &name.to_string_lossy());
        }
        let (loaded, read_fingerprint) = read_draft(&path, &self.session);
        self.entries[index].fingerprint = read_fingerprint;
        let mut draft = match loaded {
            Ok(draft) => draft,
            Err(diagnostics) => {
                self.entries[index].state = EntryState::Failed(diagnostics);
                return Err(UpdateError::NotLoaded(path));
            }
        };
        self.entries[index].state = EntryState::Loaded(draft.clone());
        let value =
            op(&mut draft, &self.session).map_err(|e| UpdateError::Refused(e.to_string()))?;
        self.save_draft(draft)?;
        Ok(value)
    }

    /// Tables a new draft: writes `<dir>/<id>.yaml` and appends the id to
    /// the session's order in `plenary.yaml`. Never writes over a draft:
    /// an id already in the order, or a file already there, refuses.
    ///
    /// Under the draft's lock and the session file's, it reads the session
    /// again (another process may have tabled a draft since this folder
    /// was loaded), creates the draft file (all or nothing, refused if it
    /// exists: [`atomic::create_atomic`]), then rewrites the session file
    /// atomically with the id appended. The draft goes first: a crash
    /// between the two leaves a draft file the order does not name, which
    /// loads with a warning and is listed last, never an order naming a
    /// missing file (an error); `plenary import` then finishes the job
    /// ([`Folder::add_to_order`]). A failed session write removes the new
    /// draft file again.
    pub fn add_draft(&mut self, draft: Draft) -> Result<(), AddError> {
        let file = self.path_of(&draft.id);
        let invalid = |session: &Session, file: &Path| {
            let problems = model::validate_draft(&draft, session);
            (!problems.is_empty()).then(|| AddError::Invalid {
                file: file.to_owned(),
                problems: problems
                    .into_iter()
                    .map(|p| format!("  {}: {}", p.path, p.message))
                    .collect(),
            })
        };
        // Before anything else: an unsafe id never reaches a path or a lock.
        if let Some(e) = invalid(&self.session, &file) {
            return Err(e);
        }
        let io = |file: &Path| {
            let file = file.to_owned();
            move |source| AddError::Io { file, source }
        };
        let _draft_lock = lock::acquire(&self.dir, &draft.id).map_err(io(&file))?;
        let session_path = self.dir.join(SESSION_FILE);
        let _session_lock = lock::acquire(&self.dir, SESSION_FILE).map_err(io(&session_path))?;
        let mut session = self.session_on_disk()?;
        if let Some(e) = invalid(&session, &file) {
            return Err(e);
        }
        if session.drafts.contains(&draft.id) || self.entry(&draft.id).is_some() {
            return Err(AddError::Exists { id: draft.id, file });
        }
        lock::sweep_temps(&self.dir, &format!("{}.yaml", draft.id));
        lock::sweep_temps(&self.dir, SESSION_FILE);
        match atomic::create_atomic(&file, draft_yaml(&draft).as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(AddError::Exists { id: draft.id, file });
            }
            Err(source) => return Err(AddError::Io { file, source }),
        }
        session.drafts.push(draft.id.clone());
        if let Err(source) = atomic::write_atomic(&session_path, session_yaml(&session).as_bytes())
        {
            // Nobody else writes this new file: we hold its lock.
            let _ = fs::remove_file(&file);
            return Err(AddError::Io {
                file: session_path,
                source,
            });
        }
        self.session = session;
        // Our own writes are no news to the folder watch.
        self.session_fingerprint = fingerprint(&session_path);
        let at = self
            .entries
            .iter()
            .position(|e| !self.session.drafts.contains(&e.id))
            .unwrap_or(self.entries.len());
        self.entries.insert(
            at,
            Entry {
                id: draft.id.clone(),
                fingerprint: fingerprint(&file),
                path: file,
                state: EntryState::Loaded(draft),
            },
        );
        Ok(())
    }

    /// Appends draft `id`, whose file exists, to the session's order: what
    /// a crash between [`Folder::add_draft`]'s two writes left undone.
    pub fn add_to_order(&mut self, id: &str) -> Result<(), AddError> {
        let file = self.path_of(id);
        let session_path = self.dir.join(SESSION_FILE);
        let _session_lock =
            lock::acquire(&self.dir, SESSION_FILE).map_err(|source| AddError::Io {
                file: session_path.clone(),
                source,
            })?;
        if !file.is_file() {
            return Err(AddError::NoFile { file });
        }
        let mut session = self.session_on_disk()?;
        if !session.drafts.iter().any(|d| d == id) {
            session.drafts.push(id.to_string());
            atomic::write_atomic(&session_path, session_yaml(&session).as_bytes()).map_err(
                |source| AddError::Io {
                    file: session_path.clone(),
                    source,
                },
            )?;
        }
        self.session = session;
        self.session_fingerprint = fingerprint(&session_path);
        self.diagnostics.retain(|d| d.file != file);
        if let Some(from) = self.entries.iter().position(|e| e.id == id) {
            let entry = self.entries.remove(from);
            let at = self
                .entries
                .iter()
                .position(|e| !self.session.drafts.contains(&e.id))
                .unwrap_or(self.entries.len());
            self.entries.insert(at, entry);
        }
        Ok(())
    }

    /// The session file as it is on disk now.
    fn session_on_disk(&self) -> Result<Session, AddError> {
        let path = self.dir.join(SESSION_FILE);
        let src = read::read_capped(&path).map_err(|d| AddError::Session {
            diagnostics: vec![d],
        })?;
        parse_session(&src, &path).map_err(|diagnostics| AddError::Session { diagnostics })
    }

    /// Reads again what changed on disk since it was loaded (by content,
    /// not by timestamp) and says which drafts changed. A changed session
    /// file, or a draft file added or removed, reloads the whole folder.
    pub fn refresh(&mut self) -> Result<Vec<Reloaded>, Vec<Diagnostic>> {
        let listed = draft_files(&self.dir)
            .map(|files| files.into_iter().map(|(stem, _)| stem).collect::<Vec<_>>())
            .unwrap_or_default();
        let mut known: Vec<String> = self.entries.iter().map(|e| e.id.clone()).collect();
        known.sort();
        let session_changed = fingerprint(&self.dir.join(SESSION_FILE)) != self.session_fingerprint;
        if session_changed || listed != known {
            let fresh = load_folder(&self.dir)?;
            let mut changed = Vec::new();
            for entry in &fresh.entries {
                let old = self.entry(&entry.id);
                if old.map(|o| o.fingerprint) != Some(entry.fingerprint) {
                    changed.push(Reloaded {
                        id: entry.id.clone(),
                        before: old.and_then(|o| o.draft().cloned()),
                        after: entry.draft().cloned(),
                    });
                }
            }
            *self = fresh;
            return Ok(changed);
        }
        let mut changed = Vec::new();
        for i in 0..self.entries.len() {
            let now = fingerprint(&self.entries[i].path);
            if now == self.entries[i].fingerprint {
                continue;
            }
            let (id, path) = (self.entries[i].id.clone(), self.entries[i].path.clone());
            let fresh = load_entry(id.clone(), path, &self.session);
            let before = self.entries[i].draft().cloned();
            changed.push(Reloaded {
                id,
                before,
                after: fresh.draft().cloned(),
            });
            self.entries[i] = fresh;
        }
        Ok(changed)
    }

    /// Validates `draft` and writes it to `<dir>/<id>.yaml` atomically,
    /// unless the bytes on disk are already the same. Refuses to write over
    /// a file that failed to load.
    pub fn save_draft(&mut self, draft: Draft) -> Result<(), SaveError> {
        let file = self.path_of(&draft.id);
        let problems = model::validate_draft(&draft, &self.session);
        if !problems.is_empty() {
            return Err(SaveError::Invalid {
                file,
                problems: problems
                    .into_iter()
                    .map(|p| format!("  {}: {}", p.path, p.message))
                    .collect(),
            });
        }
        let index = self.entries.iter().position(|e| e.id == draft.id);
        if let Some(i) = index
            && matches!(self.entries[i].state, EntryState::Failed(_))
        {
            return Err(SaveError::FailedToLoad { file });
        }
        let bytes = draft_yaml(&draft);
        let unchanged = fs::read(&file).is_ok_and(|old| old == bytes.as_bytes());
        if !unchanged {
            atomic::write_atomic(&file, bytes.as_bytes()).map_err(|source| SaveError::Io {
                file: file.clone(),
                source,
            })?;
        }
        let entry = Entry {
            id: draft.id.clone(),
            fingerprint: Some(hash_bytes(bytes.as_bytes())),
            path: file,
            state: EntryState::Loaded(draft),
        };
        match index {
            Some(i) => self.entries[i] = entry,
            None => self.entries.push(entry),
        }
        Ok(())
    }
}
