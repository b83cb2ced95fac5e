using Spinel.Api.Bootstrap;

namespace Spinel.Api.Validation;

/// <summary>A checked bootstrap request: exactly one of the two is set.</summary>
internal sealed record BootstrapRequest(CreateClusterRequest? Create, JoinClusterRequest? Join);
