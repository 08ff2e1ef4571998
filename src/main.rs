//! The `kheo` binary: all work happens in the library; see `cli.rs`.

/// A build makes millions of small, short-lived allocations from two threads (search
/// terms, template values, page strings); mimalloc's thread-local free lists serve them
/// faster than glibc's malloc. See BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(kheo::cli::main())
}
