//! How the process's heap is set up, before any thread starts.
//!
//! glibc's allocator gives each thread that meets a locked arena an arena of its own, up to
//! eight per core. A large application passes through several threads (the async workers, the
//! blocking pool where plugins run, SQLite's connection threads), and memory freed in one arena
//! is not reused by another: in the 20,000-establishment bench (docs/performance.md, P2) the
//! peak resident memory was 350 MB with the default and 298 MB with two arenas, for the same
//! work and time. Two arenas, one per core of the machines this runs on, keep most of the
//! parallelism of small allocations (each thread also has its own cache of small blocks).

/// Arenas glibc may create.
pub const MALLOC_ARENAS: i32 = 2;

/// Limits glibc to [`MALLOC_ARENAS`] arenas. Call it first thing in `main`, before the async
/// runtime starts its threads. A no-op elsewhere than Linux with glibc; the `MALLOC_ARENA_MAX`
/// environment variable, read by glibc itself, still wins when set.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only changes an allocator parameter; it is called before any other
        // thread of this process exists, and M_ARENA_MAX with a positive value is valid.
        #[expect(unsafe_code, reason = "the one call into glibc's allocator settings")]
        let _ = unsafe { libc::mallopt(libc::M_ARENA_MAX, MALLOC_ARENAS) };
    }
}
