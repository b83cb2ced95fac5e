namespace Spinel.Node;

/// <summary>Identity of this node; bound from the <c>Node</c> configuration section (<c>--Node:Uid 1</c>).</summary>
public sealed class NodeOptions
{
    /// <summary>Node id, 1 or more. <value>Default: 1.</value></summary>
    public int Uid { get; set; } = 1;

    /// <summary>Address this node's shards and endpoints listen on. <value>Default: 127.0.0.1.</value></summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Where shards keep their files. <value>Default: ./.spinel/node1.</value></summary>
    public string DataDir { get; set; } = Path.Combine(".spinel", "node1");
}
