namespace Spinel.Cli.Hosting;

/// <summary>What every command group needs to build its commands: the global options and the environment.</summary>
internal sealed record CliServices(GlobalOptions Options, CliEnvironment Environment);
