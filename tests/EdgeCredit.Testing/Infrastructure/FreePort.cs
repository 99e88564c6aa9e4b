using System.Net;
using System.Net.Sockets;

namespace EdgeCredit.Testing.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public static async Task WaitListeningAsync(int port, TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && giveUp?.Invoke() != true)
            {
                await Task.Delay(50);
            }
        }
    }
}
