namespace EdgeCredit.Scenes;

/// <summary>A box on the conveyor; it sits at a fixed place on the belt and moves only with the belt.</summary>
/// <param name="Offset">How far (image widths) the belt must travel before the item's front edge enters on the left.</param>
/// <param name="Length">Item length in image widths.</param>
internal sealed record ScriptedItem(int Id, double Offset, double Length, int Colour);
