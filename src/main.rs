//! The `promptvault` binary: parse the command line, load the configuration, start
//! logging, run the command. Everything else lives in the library.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the binary prints its output and its fatal error"
)]

use clap::Parser;
use promptvault::cli::{self, Cli, Command};
use promptvault::config::Config;
use promptvault::{app, telemetry};

// The service allocates many short-lived buffers per request (JSON, texts, tokens);
// glibc's allocator spent a fifth of the reveal path's CPU on them, mimalloc a fraction.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(err) => return fail(&anyhow::Error::new(err)),
    };
    let traces = telemetry::init(&config.log, config.log_format);
    telemetry::redact_panics();
    let outcome = match &cli.command {
        Command::Serve => app::run(config, shutdown_signal()).await,
        Command::Migrate => cli::migrate(&config).await,
        Command::Token(args) => cli::mint_token(&config, args).map(|jwt| println!("{jwt}")),
        Command::Audit(command) => match cli::audit(&config, command).await {
            Ok((out, true)) => {
                print!("{out}");
                Ok(())
            }
            Ok((out, false)) => {
                print!("{out}");
                Err(anyhow::anyhow!("the audit log does not verify"))
            }
            Err(err) => Err(err),
        },
        Command::Keys(command) => cli::keys(&config, command).await.map(|out| print!("{out}")),
        Command::Detect { file } => cli::detect_file(file).map(|out| print!("{out}")),
        Command::Eval { file } => cli::eval_file(file).map(|out| print!("{out}")),
    };
    // Flushed before the exit status is known to whoever waits for the process.
    drop(traces);
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => fail(&err),
    }
}

fn fail(err: &anyhow::Error) -> std::process::ExitCode {
    eprintln!("promptvault: {err:#}");
    std::process::ExitCode::FAILURE
}

/// Completes on SIGTERM or Ctrl-C, so that in-flight requests finish before exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
