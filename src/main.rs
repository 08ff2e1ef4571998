//! The `kheo` binary: all work happens in the library; see `cli.rs`.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(kheo::cli::main())
}
