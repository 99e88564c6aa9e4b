using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>BGR colours of the factory.</summary>
internal static class Palette
{
    public static readonly Scalar Wall = new(150, 158, 162);
    public static readonly Scalar WallPanel = new(128, 136, 140);
    public static readonly Scalar Floor = new(104, 110, 108);
    public static readonly Scalar FloorLine = new(88, 92, 92);
    public static readonly Scalar SafetyYellow = new(20, 190, 225);
    public static readonly Scalar Black = new(25, 25, 28);
    public static readonly Scalar MachineGreen = new(80, 118, 62);
    public static readonly Scalar MachineBlue = new(130, 90, 40);
    public static readonly Scalar MachineGrey = new(120, 120, 118);
    public static readonly Scalar Steel = new(175, 178, 180);
    public static readonly Scalar DarkSteel = new(70, 72, 75);
    public static readonly Scalar Opening = new(38, 38, 42);
    public static readonly Scalar Red = new(40, 40, 190);
    public static readonly Scalar Belt = new(52, 54, 56);
    public static readonly Scalar Slat = new(92, 95, 98);
    public static readonly Scalar Skin = new(125, 155, 205);
    public static readonly Scalar Trousers = new(80, 52, 36);

    public static readonly Scalar[] Shirts = [new(40, 40, 160), new(160, 95, 35), new(45, 140, 45), new(30, 125, 230)];

    public static readonly Scalar[] Boxes = [new(70, 120, 165), new(60, 105, 150), new(95, 140, 180)];

    public static readonly Scalar[] Covers = [new(110, 140, 190), new(60, 60, 64), new(150, 150, 145)];
}
