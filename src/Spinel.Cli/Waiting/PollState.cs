namespace Spinel.Cli.Waiting;

/// <summary>One observation of something being waited for: whether it finished, its progress (0-100, when known) and a one-line description.</summary>
internal readonly record struct PollState(bool Done, double? Progress, string Description);
