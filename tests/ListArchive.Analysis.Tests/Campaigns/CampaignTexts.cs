namespace ListArchive.Analysis.Tests.Campaigns;

/// <summary>Hand-written texts for the campaign tests (written for these tests).</summary>
internal static class CampaignTexts
{
    public const string Letter = """
        We, the undersigned organisations, call on the city council to keep the public library on
        Harbour Street open on weekends. The library is the only quiet place to study for hundreds of
        pupils whose homes are crowded, and the only place with free internet access for many older
        residents. Closing it on Saturdays and Sundays would save less than one percent of the culture
        budget while cutting off the people who depend on it most. We ask the council to publish the
        figures behind the proposal, to hold a public hearing before any decision is taken, and to look
        at the alternatives that the library staff have already put forward, such as shared opening
        hours with the community centre next door. Add your name to this letter before Friday.
        """;

    public const string Unrelated = """
        I tried the new release of the scheduler last night and the timer wheel still drifts by a few
        milliseconds every hour when the machine is under load. Has anyone else measured this? My guess
        is that the reactor does not account for the time spent in callbacks, so every tick starts a
        little late, and the error adds up over a day of running. A patch that uses the monotonic clock
        would fix it, and I am happy to write one if the maintainers agree on the approach.
        """;

    public const string Personal = """
        Friends, I have lived near Harbour Street for twenty years and my children did their homework
        in that reading room every winter. I would not ask you to sign something I had not read three
        times myself. Please take a minute for this; the council meets on Monday and the deadline for
        names is Friday night. Forward it to anyone you think would care, neighbours especially.
        """;
}
