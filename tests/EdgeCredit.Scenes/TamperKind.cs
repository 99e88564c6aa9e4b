namespace EdgeCredit.Scenes;

/// <summary>How a tamper clip spoils the view from its start time to its end.</summary>
internal enum TamperKind
{
    /// <summary>Lights off or lens capped: near black.</summary>
    Dark,

    /// <summary>A hand or cloth: a textureless blob over most of the view.</summary>
    Covered,

    /// <summary>Gaussian blur growing over a few seconds, then staying.</summary>
    Defocused,

    /// <summary>The same frame, byte for byte, repeated (a hung encoder).</summary>
    Frozen,

    /// <summary>The seconds before the start replayed over and over.</summary>
    Looped,

    /// <summary>The camera turned: the view shifts and rotates, then stays there.</summary>
    Moved,
}
