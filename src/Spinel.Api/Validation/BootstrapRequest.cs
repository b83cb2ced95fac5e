using Spinel.Api.Bootstrap;

namespace Spinel.Api.Validation;

/// <summary>A checked bootstrap request: exactly one of the three is set.</summary>
internal sealed record BootstrapRequest(CreateClusterRequest? Create, JoinClusterRequest? Join, RecoverClusterRequest? Recover = null);
