//! Driving the real `plenary` binary in a pseudo-terminal, the way a user
//! does: keys in, a modelled screen (vt100) out. Waits are for conditions
//! on the screen, never for a fixed time; a condition that never comes
//! fails the test with the screen as it stood.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// How long a condition may take before the test fails. Generous: CI
/// machines are slow; a passing test never waits this long.
const PATIENCE: Duration = Duration::from_secs(30);

pub mod keys {
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const ENTER: &str = "\r";
    pub const TAB: &str = "\t";
    pub const ESC: &str = "\x1b";
    pub const BACKSPACE: &str = "\x7f";
    pub const F1: &str = "\x1bOP";
    pub const CTRL_F: &str = "\x06";
    pub const CTRL_Q: &str = "\x11";
    pub const CTRL_S: &str = "\x13";
    pub const CTRL_Z: &str = "\x1a";
}

struct Screen {
    parser: vt100::Parser,
    /// Every byte the program wrote, to check what reached the terminal.
    raw: Vec<u8>,
    closed: bool,
}

pub struct Tui {
    /// `None` once handed to a thread that waits for it.
    child: Option<Box<dyn Child + Send + Sync>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<(Mutex<Screen>, Condvar)>,
    /// Set to close the terminal (the master side), as when a window
    /// closes or an ssh connection drops.
    hang_up: Arc<AtomicBool>,
}

impl Tui {
    /// Starts `plenary --drafts DRAFTS ARGS` in a `cols`×`rows` terminal.
    pub fn start(drafts: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_plenary"));
        cmd.arg("--drafts");
        cmd.arg(drafts);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("PLENARY_AS");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("start plenary");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new((
            Mutex::new(Screen {
                parser: vt100::Parser::new(rows, cols, 0),
                raw: Vec::new(),
                closed: false,
            }),
            Condvar::new(),
        ));
        let feed = Arc::clone(&screen);
        let hang_up = Arc::new(AtomicBool::new(false));
        let hanging_up = Arc::clone(&hang_up);
        let master = pty.master;
        let fd = master.as_raw_fd().expect("the pty's file descriptor");
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                if hanging_up.load(Ordering::Relaxed) {
                    // Dropping the reader and the master closes the last
                    // master descriptors: the kernel hangs the terminal up.
                    drop(reader);
                    drop(master);
                    return;
                }
                if !readable(fd) {
                    continue;
                }
                let n = reader.read(&mut buf).unwrap_or(0);
                let (lock, changed) = &*feed;
                let mut s = lock.lock().unwrap_or_else(PoisonError::into_inner);
                if n == 0 {
                    s.closed = true;
                    changed.notify_all();
                    return;
                }
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
                changed.notify_all();
            }
        });
        Tui {
            child: Some(child),
            writer: Some(writer),
            screen,
            hang_up,
        }
    }

    /// Types `keys` (raw bytes as a terminal sends them).
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// The screen's text, row by row.
    pub fn text(&self) -> String {
        lock(&self.screen.0).parser.screen().contents()
    }

    /// Everything written to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.screen.0).raw.clone()
    }

    /// Waits until the screen satisfies `ok`; returns its text.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) -> String {
        let (lock, changed) = &*self.screen;
        let deadline = Instant::now() + PATIENCE;
        let mut s = self::lock(lock);
        loop {
            if ok(s.parser.screen()) {
                return s.parser.screen().contents();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || s.closed {
                panic!(
                    "waiting for {what}: {}; the screen:\n{}",
                    if s.closed {
                        "the program ended"
                    } else {
                        "gave up"
                    },
                    s.parser.screen().contents()
                );
            }
            s = changed
                .wait_timeout(s, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until the screen shows `needle`.
    pub fn wait_text(&self, needle: &str) -> String {
        self.wait_for(&format!("{needle:?} on screen"), |s| {
            s.contents().contains(needle)
        })
    }

    /// Waits for the program to end; returns whether it succeeded.
    pub fn wait_exit(mut self) -> bool {
        let (lock, changed) = &*self.screen;
        let deadline = Instant::now() + PATIENCE;
        let mut s = self::lock(lock);
        while !s.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "plenary did not exit; screen:\n{}",
                s.parser.screen().contents()
            );
            s = changed
                .wait_timeout(s, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        drop(s);
        let child = self.child.as_mut().expect("plenary not yet waited for");
        child.wait().expect("wait for plenary").success()
    }

    /// Closes the terminal under the program and waits for it to end;
    /// returns how it ended, or `None` if it did not end in time.
    pub fn hang_up(mut self) -> Option<portable_pty::ExitStatus> {
        self.writer = None;
        self.hang_up.store(true, Ordering::Relaxed);
        let mut child = self.child.take().expect("plenary not yet waited for");
        let mut killer = child.clone_killer();
        let (done, ended) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(child.wait());
        });
        match ended.recv_timeout(PATIENCE) {
            Ok(Ok(status)) => Some(status),
            _ => {
                let _ = killer.kill();
                None
            }
        }
    }

    /// Sends a signal to the program.
    pub fn signal(&self, signal: i32) {
        let child = self.child.as_ref().expect("plenary not yet waited for");
        let pid = child.process_id().expect("a pid") as i32;
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("run kill");
        assert!(status.success());
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
        }
    }
}

/// The screen, even if a failed test poisoned the lock: the reader thread
/// must keep draining the pty, and a failure should show the screen.
fn lock(screen: &Mutex<Screen>) -> MutexGuard<'_, Screen> {
    screen.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whether `fd` has something to read (or has hung up) within 50 ms: the
/// reader thread's chance to notice a hang-up request between reads.
fn readable(fd: std::os::fd::RawFd) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, for the length we pass.
    unsafe { libc::poll(&mut poll, 1, 50) > 0 }
}
