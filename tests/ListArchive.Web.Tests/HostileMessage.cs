namespace ListArchive.Web.Tests;

/// <summary>A message whose every field tries to inject markup; pages must show it as text.</summary>
internal static class HostileMessage
{
    public const string MessageId = "evil/\"x\"&'y'%2F+@example.org";

    public const string Text =
        "From: \"<b>Mallory</b>\" <mallory@evil.example>\r\n" +
        "Subject: <script>alert(1)</script> & more\r\n" +
        "Date: Tue, 16 Mar 2021 10:00:00 +0000\r\n" +
        "Message-ID: <" + MessageId + ">\r\n" +
        "Content-Type: text/html; charset=utf-8\r\n" +
        "\r\n" +
        "<html><body><p>Hello <img src=x onerror=alert(2)> world</p><script>alert(3)</script></body></html>\r\n";
}
