namespace EdgeCredit.Scenes;

/// <summary>What a rendered machine's moving part looks like.</summary>
internal enum MachineKind
{
    /// <summary>A press whose striped ram moves up and down.</summary>
    Press,

    /// <summary>A lathe whose striped chuck turns.</summary>
    Lathe,

    /// <summary>A spoked flywheel.</summary>
    Flywheel,
}
