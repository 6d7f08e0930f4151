using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>A .NET SignalR client for the widget hub as a visitor's page opens it: the public key in the query, WebSockets, the page's origin.</summary>
public static class WidgetConnection
{
    public static IHubConnectionBuilder Builder(Uri server, string key, string origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(server, $"{WidgetHub.Path.TrimStart('/')}?key={Uri.EscapeDataString(key)}"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Headers["Origin"] = origin;
        });
}
