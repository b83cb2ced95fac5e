namespace Spinel.ControlPlane.Orchestration;

/// <summary>Settings of the leader's orchestrator.</summary>
public sealed class OrchestratorOptions
{
    /// <summary>Longest a waiting step (shards starting, an endpoint binding) may take before its action fails. <value>Default: 60 s.</value></summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting step checks again. <value>Default: 25 ms.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Finished actions kept for <c>/v1/actions</c>; older ones are removed. <value>Default: 200.</value></summary>
    public int RetainedFinishedActions { get; set; } = 200;
}
