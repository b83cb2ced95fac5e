namespace Spinel.Api;

/// <summary>Settings of the REST API v1.</summary>
public sealed class SpinelApiOptions
{
    /// <summary>Largest request body accepted; a larger one gets 413.</summary>
    /// <value>1 MiB.</value>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a write forwarded to the leader may take before the answer is 503.</summary>
    /// <value>60 seconds; joining a node catches its store up first, which can take a while.</value>
    public TimeSpan ForwardTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most successful password checks remembered, so that Basic auth does not run PBKDF2 on every request.</summary>
    /// <value>1024.</value>
    public int CredentialCacheSize { get; set; } = 1024;

    /// <summary>Wrong passwords in a row after which a user is locked out of this node's API (<c>login_lockout_threshold</c>); 0 turns it off.</summary>
    /// <value>5.</value>
    public int LoginLockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked-out user stays locked (<c>login_lockout_duration</c>).</summary>
    /// <value>30 minutes.</value>
    public TimeSpan LoginLockoutDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A wrong password longer than this after the previous one starts the count again (<c>login_lockout_counter_reset_after</c>).</summary>
    /// <value>15 minutes.</value>
    public TimeSpan LoginLockoutCounterResetAfter { get; set; } = TimeSpan.FromMinutes(15);
}
