// Generates short template conversations for the default model's chat stage, as OpenAI chat JSONL:
// {"messages":[{"role":"system","content":"..."},{"role":"user","content":"..."},{"role":"assistant","content":"..."}]}
//
//   dotnet run tools/corpus/make-chat.cs -- --out artifacts/corpus/chat.jsonl --count 10000 --seed 1
//       [--defs artifacts/corpus/wordnet-defs.tsv] [--defs-top 2000]
//
// Greetings and small talk, simple facts from the small tables below (colours, days, months, sums up to 20, animals,
// capitals, opposites, shapes, definitions), system instructions that change the reply (one word, polite, short,
// capital letters, yes or no, a given name), goodbyes, and "I don't know" for questions outside the tables.
// The same seed gives the same file; no two lines are the same.
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

string? outPath = null;
string defsPath = "artifacts/corpus/wordnet-defs.tsv";
int count = 10_000, seed = 1, defsTop = 2000;
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--out": outPath = Value(); break;
        case "--count": count = int.Parse(Value()); break;
        case "--seed": seed = int.Parse(Value()); break;
        case "--defs": defsPath = Value(); break;
        case "--defs-top": defsTop = int.Parse(Value()); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (outPath is null || count < 1)
{
    Console.Error.WriteLine("usage: make-chat.cs --out FILE [--count N] [--seed S] [--defs FILE] [--defs-top N]");
    return 2;
}

var definitions = Definitions.Load(defsPath, defsTop);
Console.WriteLine(definitions.FromFile ? $"definitions: {definitions.Entries.Count} from {defsPath}" : $"definitions: {definitions.Entries.Count} built in ({defsPath} not found)");
var chat = new Chat(new Random(seed), definitions.Entries);

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
var seen = new HashSet<string>(StringComparer.Ordinal);
var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
int turns = 0, withSystem = 0, dontKnow = 0;
using (var writer = new StreamWriter(outPath, false, new UTF8Encoding(false)) { NewLine = "\n" })
{
    for (int attempt = 0; seen.Count < count && attempt < count * 50; attempt++)
    {
        var (messages, kind) = chat.Conversation();
        string line = Chat.ToJson(messages);
        if (!seen.Add(line)) continue;
        writer.WriteLine(line);
        kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        turns += messages.Count(m => m.Role == "user");
        if (messages[0].Role == "system") withSystem++;
        if (messages.Any(m => m.Role == "assistant" && m.Content.Contains("don't know", StringComparison.OrdinalIgnoreCase))) dontKnow++;
    }
}
if (seen.Count < count)
{
    Console.Error.WriteLine($"only {seen.Count} distinct conversations could be made; asked for {count}");
    return 1;
}
Console.WriteLine($"wrote {seen.Count} conversations to {outPath}: {withSystem} with a system message, {turns} user turns, {dontKnow} with \"I don't know\"");
Console.WriteLine(string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
return 0;

record Message(string Role, string Content);

/// <summary>
/// A reply in full ("The sky is blue."), and as one word where there is one ("Blue"). Unknown: an "I don't know";
/// Chat: small talk, which a polite persona does not wrap in "Certainly! ...".
/// </summary>
record Answer(string Full, string? Word = null, bool Unknown = false, bool Chat = false);

/// <summary>
/// A question with its answer; a follow-up is a short next turn that leans on this one ("And Germany?"), asked now and
/// then, or always when <paramref name="Always"/> (the answer asked something back).
/// </summary>
record Qa(string Question, Answer Answer, Func<Qa>? FollowUp = null, bool Always = false);

enum Style { Plain, OneWord, Short, Polite, Upper, YesNo }

/// <summary>Who the assistant is in one conversation: its system message (if any), name and reply style.</summary>
record Persona(string Kind, string? System, string? Name, Style Style);

record Definition(string Word, string Pos, string Sentence);

sealed class Definitions
{
    public required List<Definition> Entries { get; init; }
    public bool FromFile { get; init; }

    // Used when build-corpus.sh has not been run: a few everyday words in the same shape as wordnet-defs.tsv.
    static readonly Definition[] BuiltIn =
    [
        new("cat", "noun", "A cat is a small furry animal that people keep as a pet."),
        new("dog", "noun", "A dog is an animal that people keep as a pet or to guard a house."),
        new("apple", "noun", "An apple is a round fruit with red, green or yellow skin."),
        new("house", "noun", "A house is a building where people live."),
        new("book", "noun", "A book is a set of printed pages fastened together for reading."),
        new("chair", "noun", "A chair is a seat for one person, with a back."),
        new("school", "noun", "A school is a place where children go to learn."),
        new("river", "noun", "A river is a large natural stream of water."),
        new("tree", "noun", "A tree is a tall plant with a wooden trunk and branches."),
        new("bread", "noun", "Bread is a food made from flour, water and yeast, baked in an oven."),
        new("teacher", "noun", "A teacher is a person whose job is to help people learn."),
        new("doctor", "noun", "A doctor is a person who treats people who are ill."),
        new("car", "noun", "A car is a vehicle with four wheels and an engine."),
        new("friend", "noun", "A friend is a person you know well and like."),
        new("rain", "noun", "Rain is water that falls from the clouds in drops."),
        new("run", "verb", "To run means to move fast on your feet."),
        new("sleep", "verb", "To sleep means to rest with your eyes closed."),
        new("eat", "verb", "To eat means to put food in your mouth and swallow it."),
        new("read", "verb", "To read means to look at words and understand them."),
        new("swim", "verb", "To swim means to move through water using your arms and legs."),
        new("happy", "adj", "Happy means feeling pleased and glad."),
        new("tired", "adj", "Tired means needing rest or sleep."),
        new("kind", "adj", "Kind means friendly, generous and caring."),
        new("quiet", "adj", "Quiet means making little or no noise."),
    ];

    /// <summary>
    /// The first <paramref name="top"/> lines of wordnet-defs.tsv (word, pos, count, sentence; most frequent first),
    /// leaving out circular ones ("To keep means to keep ..."); the built-in list when the file is missing.
    /// </summary>
    public static Definitions Load(string path, int top)
    {
        if (!File.Exists(path)) return new Definitions { Entries = [.. BuiltIn] };
        var entries = File.ReadLines(path)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length == 4 && f[3].Length <= 110)
            .Select(f => new Definition(f[0], f[1], f[3]))
            .Where(d => d.Sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2)
                .All(w => !w.Trim('.', ',', ';').Equals(d.Word, StringComparison.OrdinalIgnoreCase)))
            .Take(top)
            .ToList();
        return new Definitions { Entries = entries, FromFile = true };
    }
}

sealed class Chat(Random rng, List<Definition> definitions)
{
    // ---- tables ------------------------------------------------------------------------------------------------

    static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    static readonly int[] MonthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
    static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    // Thing, whether it takes "are", its colour.
    static readonly (string Thing, bool Plural, string Colour)[] Colours =
    [
        ("the sky", false, "blue"), ("grass", false, "green"), ("snow", false, "white"), ("a banana", false, "yellow"),
        ("a strawberry", false, "red"), ("coal", false, "black"), ("a carrot", false, "orange"), ("milk", false, "white"),
        ("chocolate", false, "brown"), ("a lemon", false, "yellow"), ("a tomato", false, "red"), ("the sea", false, "blue"),
        ("a pumpkin", false, "orange"), ("a lime", false, "green"), ("a cloud", false, "white"), ("the sun", false, "yellow"),
        ("a crow", false, "black"), ("an aubergine", false, "purple"), ("a polar bear", false, "white"), ("a frog", false, "green"),
        ("cherries", true, "red"), ("peas", true, "green"), ("blueberries", true, "blue"), ("leaves in summer", true, "green"),
        ("fire engines", true, "red"), ("coffee beans", true, "brown"), ("flamingos", true, "pink"), ("school buses", true, "yellow"),
    ];
    static readonly (string A, string B, string Result)[] Mixes =
    [
        ("blue", "yellow", "green"), ("red", "yellow", "orange"), ("red", "blue", "purple"), ("black", "white", "grey"),
        ("red", "white", "pink"),
    ];
    // Animal, its sound verb, what it says, its baby, its legs.
    static readonly (string Animal, string Verb, string Says, string? Baby, int Legs)[] Animals =
    [
        ("dog", "barks", "woof", "puppy", 4), ("cat", "meows", "meow", "kitten", 4), ("cow", "moos", "moo", "calf", 4),
        ("duck", "quacks", "quack", "duckling", 2), ("sheep", "baas", "baa", "lamb", 4), ("pig", "oinks", "oink", "piglet", 4),
        ("horse", "neighs", "neigh", "foal", 4), ("lion", "roars", "roar", "cub", 4), ("owl", "hoots", "hoot", "owlet", 2),
        ("frog", "croaks", "ribbit", "tadpole", 4), ("bee", "buzzes", "buzz", null, 6), ("snake", "hisses", "hiss", null, 0),
        ("mouse", "squeaks", "squeak", null, 4), ("rooster", "crows", "cock-a-doodle-doo", null, 2), ("wolf", "howls", "howl", "pup", 4),
        ("donkey", "brays", "hee-haw", "foal", 4), ("goat", "bleats", "maa", "kid", 4), ("chicken", "clucks", "cluck", "chick", 2),
        ("bird", "sings", "tweet", "chick", 2), ("bear", "growls", "grr", "cub", 4), ("turkey", "gobbles", "gobble", "poult", 2),
        ("elephant", "trumpets", "toot", "calf", 4), ("spider", "makes no sound", "nothing", null, 8), ("ant", "makes no sound", "nothing", null, 6),
    ];
    static readonly (string Country, string Capital)[] Capitals =
    [
        ("France", "Paris"), ("Germany", "Berlin"), ("Italy", "Rome"), ("Spain", "Madrid"), ("Portugal", "Lisbon"),
        ("the United Kingdom", "London"), ("Ireland", "Dublin"), ("Japan", "Tokyo"), ("China", "Beijing"), ("India", "New Delhi"),
        ("Russia", "Moscow"), ("Canada", "Ottawa"), ("the United States", "Washington, D.C."), ("Mexico", "Mexico City"),
        ("Brazil", "Brasilia"), ("Argentina", "Buenos Aires"), ("Australia", "Canberra"), ("Egypt", "Cairo"), ("Kenya", "Nairobi"),
        ("Nigeria", "Abuja"), ("Greece", "Athens"), ("Turkey", "Ankara"), ("Norway", "Oslo"), ("Sweden", "Stockholm"),
        ("Finland", "Helsinki"), ("Denmark", "Copenhagen"), ("Poland", "Warsaw"), ("the Netherlands", "Amsterdam"),
        ("Belgium", "Brussels"), ("Switzerland", "Bern"), ("Austria", "Vienna"), ("Hungary", "Budapest"),
        ("the Czech Republic", "Prague"), ("South Korea", "Seoul"), ("Thailand", "Bangkok"), ("Vietnam", "Hanoi"),
        ("Indonesia", "Jakarta"), ("the Philippines", "Manila"), ("Peru", "Lima"), ("Chile", "Santiago"), ("Colombia", "Bogota"),
        ("Cuba", "Havana"), ("New Zealand", "Wellington"), ("Iran", "Tehran"), ("Saudi Arabia", "Riyadh"), ("Pakistan", "Islamabad"),
        ("Morocco", "Rabat"), ("Ukraine", "Kyiv"), ("Iceland", "Reykjavik"), ("Ghana", "Accra"), ("Ethiopia", "Addis Ababa"),
    ];
    static readonly (string A, string B)[] Opposites =
    [
        ("hot", "cold"), ("big", "small"), ("up", "down"), ("happy", "sad"), ("fast", "slow"), ("young", "old"),
        ("day", "night"), ("light", "dark"), ("open", "closed"), ("wet", "dry"), ("full", "empty"), ("tall", "short"),
        ("hard", "soft"), ("early", "late"), ("rich", "poor"), ("strong", "weak"), ("loud", "quiet"), ("in", "out"),
        ("left", "right"), ("yes", "no"), ("good", "bad"), ("first", "last"), ("push", "pull"), ("win", "lose"),
        ("clean", "dirty"), ("thick", "thin"), ("true", "false"), ("inside", "outside"), ("above", "below"), ("buy", "sell"),
        ("remember", "forget"), ("always", "never"), ("before", "after"), ("start", "finish"), ("love", "hate"), ("laugh", "cry"),
        ("asleep", "awake"), ("cheap", "expensive"), ("near", "far"), ("easy", "difficult"), ("friend", "enemy"), ("north", "south"),
    ];
    static readonly (string Shape, int Sides)[] Shapes =
        [("triangle", 3), ("square", 4), ("rectangle", 4), ("pentagon", 5), ("hexagon", 6), ("octagon", 8)];
    static readonly (string Question, string Answer, string Word)[] Facts =
    [
        ("How many days are in a week?", "There are seven days in a week.", "Seven"),
        ("How many months are in a year?", "There are twelve months in a year.", "Twelve"),
        ("How many hours are in a day?", "There are 24 hours in a day.", "24"),
        ("How many minutes are in an hour?", "There are 60 minutes in an hour.", "60"),
        ("How many seconds are in a minute?", "There are 60 seconds in a minute.", "60"),
        ("How many seasons are there?", "There are four seasons: spring, summer, autumn and winter.", "Four"),
        ("What season comes after winter?", "Spring comes after winter.", "Spring"),
        ("What season comes after summer?", "Autumn comes after summer.", "Autumn"),
        ("What is the first month of the year?", "January is the first month of the year.", "January"),
        ("What is the last month of the year?", "December is the last month of the year.", "December"),
        ("Which days are the weekend?", "Saturday and Sunday are the weekend.", "Saturday and Sunday"),
        ("How many legs does a person have?", "A person has two legs.", "Two"),
        ("How many fingers are on one hand?", "There are five fingers on one hand.", "Five"),
        ("How many colours are in a rainbow?", "There are seven colours in a rainbow.", "Seven"),
        ("What do bees make?", "Bees make honey.", "Honey"),
        ("What do cows give us?", "Cows give us milk.", "Milk"),
        ("What falls from clouds when it rains?", "Water falls from the clouds as rain.", "Water"),
        ("What is frozen water called?", "Frozen water is called ice.", "Ice"),
        ("Where do fish live?", "Fish live in water.", "Water"),
        ("What do we breathe?", "We breathe air.", "Air"),
        ("What is the opposite of up?", "The opposite of up is down.", "Down"),
        ("What shines in the sky during the day?", "The sun shines in the sky during the day.", "Sun"),
        ("What do you use to write on paper?", "You can use a pen or a pencil.", "Pen"),
        ("What do you wear on your feet?", "You wear shoes and socks on your feet.", "Shoes"),
    ];

    static readonly string[] AssistantNames =
        ["Max", "Luna", "Pip", "Nova", "Ada", "Leo", "Milo", "Sunny", "Echo", "Juno", "Otto", "Kit", "Zara", "Finn", "Iris",
         "Teddy", "Poppy", "Bolt", "Ivy", "Rex", "Sage", "Bea", "Oscar", "Penny", "Robo", "Sparky", "Lumi", "Hazel", "Toby", "Wren"];
    static readonly string[] UserNames =
        ["Sam", "Alex", "Maria", "John", "Priya", "Tom", "Emma", "Lucas", "Aisha", "Ben", "Chloe", "David", "Elena", "Fatima",
         "George", "Hana", "Ivan", "Julia", "Kenji", "Lily", "Omar", "Rosa", "Sofia", "Yuki", "Zoe", "Noah", "Mei", "Carlos",
         "Anna", "Leila", "Peter", "Grace", "Mohammed", "Olivia", "Raj", "Sara", "Daniel", "Nina", "Jack", "Amara"];
    // Made-up names for questions the tables cannot answer.
    static readonly string[] Syllables = ["zor", "bla", "quim", "trel", "vox", "nim", "dra", "flu", "gorp", "ska", "wim", "pel", "ta", "rix", "mo", "ban"];

    // ---- conversations -----------------------------------------------------------------------------------------

    T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
    bool Chance(double p) => rng.NextDouble() < p;

    /// <summary>One conversation and the kind of its persona (for the summary).</summary>
    public (List<Message> Messages, string Kind) Conversation()
    {
        var persona = MakePersona();
        var messages = new List<Message>();
        if (persona.System is not null) messages.Add(new("system", persona.System));
        string kind = persona.Kind;
        bool oneWord = persona.Style == Style.OneWord;

        void Say(string user, string assistant)
        {
            messages.Add(new("user", user));
            messages.Add(new("assistant", persona.Style == Style.Upper ? assistant.ToUpperInvariant() : assistant));
        }

        // A yes-or-no instruction gets yes-or-no questions only.
        if (persona.Style == Style.YesNo)
        {
            int n = rng.Next(1, 4);
            for (int i = 0; i < n; i++)
            {
                var (q, yes, _) = YesNo();
                Say(q, yes ? "Yes." : "No.");
            }
            return (messages, kind);
        }

        void Ask(Qa qa)
        {
            Say(qa.Question, Reply(qa.Answer, persona));
            if (qa.FollowUp is not null && (qa.Always || Chance(0.35)))
            {
                var next = qa.FollowUp();
                Say(next.Question, Reply(next.Answer, persona));
            }
        }

        string? userName = null;
        bool greet = Chance(0.35), goodbye = Chance(0.25);
        int questions = rng.Next(0, 4);
        if (!greet && !goodbye && questions == 0) questions = 1;
        if (greet)
        {
            Say(Pick(Greetings), GreetingReply(persona));
            if (!oneWord && Chance(0.4)) Ask(SmallTalk(persona));
            if (!oneWord && Chance(0.25))
            {
                userName = Pick(UserNames);
                Say(string.Format(Pick(IntroduceSelf), userName), Polish($"Nice to meet you, {userName}! How can I help you?", persona, isFact: false));
            }
        }
        for (int i = 0; i < questions; i++)
        {
            if (userName is not null && Chance(0.3))
            {
                Say(Pick(AskMyName), Polish($"Your name is {userName}.", persona, isFact: false));
                continue;
            }
            if (userName is null && !oneWord && Chance(0.05))
            {
                Say(Pick(AskMyName), Polish("I don't know your name yet. What is it?", persona, isFact: false));
                userName = Pick(UserNames);
                Say(Pick(["It's {0}.", "My name is {0}.", "{0}."]).Replace("{0}", userName), Polish($"Nice to meet you, {userName}!", persona, isFact: false));
                continue;
            }
            Ask(Question(persona));
        }
        if (questions > 0 && Chance(0.3)) Say(Pick(Thanks), oneWord ? "Welcome!" : Polish(Pick(Welcome), persona, isFact: false));
        if (goodbye) Say(Pick(Goodbyes), GoodbyeReply(persona, userName));
        if (!greet && questions == 0 && !goodbye) throw new InvalidOperationException("empty conversation");
        return (messages, kind);
    }

    Persona MakePersona()
    {
        double r = rng.NextDouble();
        if (r < 0.45) return new("no-system", null, null, Style.Plain);
        if (r < 0.55) return new("helpful", Pick(HelpfulSystems), null, Style.Plain);
        if (r < 0.70)
        {
            string name = Pick(AssistantNames);
            return Chance(0.25)
                ? new("named-polite", string.Format(Pick(NamedPoliteSystems), name), name, Style.Polite)
                : new("named", string.Format(Pick(NamedSystems), name), name, Style.Plain);
        }
        if (r < 0.78) return new("one-word", Pick(OneWordSystems), null, Style.OneWord);
        if (r < 0.85) return new("polite", Pick(PoliteSystems), null, Style.Polite);
        if (r < 0.91) return new("short", Pick(ShortSystems), null, Style.Short);
        if (r < 0.95) return new("uppercase", Pick(UpperSystems), null, Style.Upper);
        return new("yes-no", Pick(YesNoSystems), null, Style.YesNo);
    }

    /// <summary>The answer in the persona's style.</summary>
    string Reply(Answer a, Persona p) => p.Style switch
    {
        Style.OneWord => a.Word ?? a.Full,
        Style.Short => a.Word is null || a.Unknown ? a.Full : Sentence(Capitalize(a.Word)),
        _ => Polish(a.Full, p, isFact: !a.Chat, unknown: a.Unknown),
    };

    string Polish(string reply, Persona p, bool isFact, bool unknown = false)
    {
        if (p.Style != Style.Polite) return reply;
        if (unknown) return "I'm very sorry. " + reply;
        string opener = isFact ? Pick(["Certainly! ", "Of course! ", "Good question! ", "Thank you for asking. ", "I'd be glad to help. "]) : "";
        string closer = isFact ? Pick(["", " I hope that helps!", " Is there anything else I can help you with?", " Please ask if you have more questions."]) : "";
        return opener + reply + closer;
    }

    // ---- questions ---------------------------------------------------------------------------------------------

    /// <summary>A question for this persona: one with a one-word answer when the persona answers in one word.</summary>
    Qa Question(Persona p)
    {
        for (int tries = 0; ; tries++)
        {
            var qa = AnyQuestion(p);
            if (p.Style != Style.OneWord || (qa.Answer.Word is not null && !qa.Answer.Word.Contains(' ')) || tries > 50) return qa;
        }
    }

    Qa AnyQuestion(Persona p)
    {
        double r = rng.NextDouble();
        if (r < 0.20) return Arithmetic();
        if (r < 0.30) return Capital();
        if (r < 0.37) return Colour();
        if (r < 0.44) return DayOrMonth();
        if (r < 0.51) return NumberFact();
        if (r < 0.61) return Animal();
        if (r < 0.68) return Opposite();
        if (r < 0.77 && p.Style != Style.OneWord) return Define();
        if (r < 0.81) return Fact();
        if (r < 0.86 && p.Style != Style.OneWord) return SmallTalk(p);
        if (r < 0.89)
        {
            var (q, yes, statement) = YesNo();
            return new(q, new(yes ? $"Yes, {statement}." : $"No. {Capitalize(statement)}.", yes ? "Yes" : "No"));
        }
        return p.Style == Style.OneWord ? Arithmetic() : Unknown();
    }

    Qa Arithmetic()
    {
        int a, b, c; string op;
        switch (rng.Next(4))
        {
            case 0: a = rng.Next(0, 21); b = rng.Next(0, 21 - a); c = a + b; op = "plus"; break;
            case 1: a = rng.Next(0, 21); b = rng.Next(0, a + 1); c = a - b; op = "minus"; break;
            case 2: a = rng.Next(1, 11); b = rng.Next(0, 20 / a + 1); c = a * b; op = "times"; break;
            default: b = rng.Next(1, 11); c = rng.Next(0, 20 / b + 1); a = b * c; op = "divided by"; break;
        }
        bool words = Chance(0.25);
        string N(int n) => words ? NumberWords[n] : n.ToString();
        string symbol = op switch { "plus" => "+", "minus" => "-", "times" => "x", _ => "/" };
        string q = op switch
        {
            "plus" => Pick(["What is {a} plus {b}?", "What's {a} + {b}?", "How much is {a} plus {b}?", "Add {a} and {b}.", "Can you add {a} and {b}?", "What do you get if you add {a} and {b}?", "{a} + {b} = ?"]),
            "minus" => Pick(["What is {a} minus {b}?", "What's {a} - {b}?", "Take {b} away from {a}.", "Subtract {b} from {a}.", "What is {a} take away {b}?", "{a} - {b} = ?"]),
            "times" => Pick(["What is {a} times {b}?", "What's {a} x {b}?", "What is {a} multiplied by {b}?", "Multiply {a} by {b}.", "{a} x {b} = ?"]),
            _ => Pick(["What is {a} divided by {b}?", "What's {a} / {b}?", "Divide {a} by {b}.", "{a} / {b} = ?"]),
        };
        bool symbols = q.Contains(symbol) && !words;
        q = q.Replace("{a}", N(a)).Replace("{b}", N(b));
        string full = symbols ? $"{a} {symbol} {b} = {c}." : Sentence(Capitalize($"{N(a)} {op} {N(b)} is {N(c)}"));
        return new(q, new(full, words ? Capitalize(NumberWords[c]) : c.ToString()));
    }

    Qa Capital()
    {
        var (country, capital) = Pick(Capitals);
        string? word = capital.Contains(' ') ? null : capital;
        if (Chance(0.25))
        {
            string q = Pick(["{1} is the capital of which country?", "Which country has {1} as its capital?", "What country is {1} the capital of?"]);
            string countryWord = country.StartsWith("the ") ? country[4..] : country;
            return new(string.Format(q, country, capital), new($"{capital} is the capital of {country}.", countryWord.Contains(' ') ? null : countryWord));
        }
        string question = Pick(["What is the capital of {0}?", "What's the capital city of {0}?", "Which city is the capital of {0}?", "Tell me the capital of {0}.", "Do you know the capital of {0}?", "capital of {0}?"]);
        return new(Capitalize(string.Format(question, country)), new($"The capital of {country} is {capital}.", word),
            () =>
            {
                var (c2, cap2) = Pick(Capitals);
                return new(Capitalize(string.Format(Pick(["And {0}?", "What about {0}?", "And the capital of {0}?"]), c2)),
                    new($"The capital of {c2} is {cap2}.", cap2.Contains(' ') ? null : cap2));
            });
    }

    Qa Colour()
    {
        if (Chance(0.2))
        {
            var (a, b, result) = Pick(Mixes);
            if (Chance(0.5)) (a, b) = (b, a);
            string q = Pick(["What colour do you get if you mix {0} and {1}?", "What do {0} and {1} make?", "If I mix {0} and {1} paint, what colour do I get?", "What color do {0} and {1} make?"]);
            return new(string.Format(q, a, b), new($"{Capitalize(a)} and {b} make {result}.", Capitalize(result)));
        }
        var (thing, plural, colour) = Pick(Colours);
        string spelling = Chance(0.5) ? "colour" : "color";
        string verb = plural ? "are" : "is";
        string question = Pick(["What {c} {v} {t}?", "What {c} {v} {t} usually?", "Tell me the {c} of {t}.", "Which {c} {v} {t}?", "What's the {c} of {t}?"])
            .Replace("{c}", spelling).Replace("{v}", verb).Replace("{t}", thing);
        return new(question, new($"{Capitalize(thing)} {verb} {colour}.", Capitalize(colour)),
            () =>
            {
                var (t2, p2, c2) = Pick(Colours);
                return new(Pick(["And {0}?", "What about {0}?"]).Replace("{0}", t2), new($"{Capitalize(t2)} {(p2 ? "are" : "is")} {c2}.", Capitalize(c2)));
            });
    }

    Qa DayOrMonth()
    {
        bool days = Chance(0.5);
        string[] names = days ? Days : Months;
        int i = rng.Next(names.Length);
        string next = names[(i + 1) % names.Length], prev = names[(i + names.Length - 1) % names.Length];
        string unit = days ? "day" : "month";
        switch (rng.Next(days ? 4 : 5))
        {
            case 0:
                return new(string.Format(Pick(["What {0} comes after {1}?", "Which {0} is after {1}?", "What is the {0} after {1}?"]), unit, names[i]),
                    new($"{next} comes after {names[i]}.", next));
            case 1:
                return new(string.Format(Pick(["What {0} comes before {1}?", "Which {0} is before {1}?", "What is the {0} before {1}?"]), unit, names[i]),
                    new($"{prev} comes before {names[i]}.", prev));
            case 2 when days:
                return new($"If today is {names[i]}, what day is tomorrow?", new($"If today is {names[i]}, tomorrow is {next}.", next));
            case 3 when days:
                return new($"If today is {names[i]}, what day was yesterday?", new($"If today is {names[i]}, yesterday was {prev}.", prev));
            case 2:
                return new(string.Format(Pick(["What is the {0} month of the year?", "Which month is the {0} month?", "What's the {0} month?"]), Ordinals[i]),
                    new($"The {Ordinals[i]} month of the year is {names[i]}.", names[i]));
            case 3:
                return new(string.Format(Pick(["How many days are in {0}?", "How many days does {0} have?"]), names[i]),
                    i == 1 ? new("February has 28 days, or 29 days in a leap year.", "28")
                           : new($"{names[i]} has {MonthDays[i]} days.", MonthDays[i].ToString()));
            default:
                return new(string.Format(Pick(["What number month is {0}?", "Which month of the year is {0}?"]), names[i]),
                    new($"{names[i]} is the {Ordinals[i]} month of the year.", Capitalize(Ordinals[i])));
        }
    }

    Qa NumberFact()
    {
        int n = rng.Next(0, 20);
        switch (rng.Next(6))
        {
            case 0: return new(Pick(["What number comes after {0}?", "What comes after {0}?", "What is the next number after {0}?"]).Replace("{0}", n.ToString()), new($"{n + 1} comes after {n}.", (n + 1).ToString()));
            case 1:
                n++;
                return new(Pick(["What number comes before {0}?", "What comes before {0}?"]).Replace("{0}", n.ToString()), new($"{n - 1} comes before {n}.", (n - 1).ToString()));
            case 2:
                int m = rng.Next(0, 21);
                if (m == n) m = (n + 7) % 21;
                bool bigger = Chance(0.5);
                int answer = bigger ? Math.Max(n, m) : Math.Min(n, m), other = bigger ? Math.Min(n, m) : Math.Max(n, m);
                return new($"Which is {(bigger ? "bigger" : "smaller")}, {n} or {m}?", new($"{answer} is {(bigger ? "bigger" : "smaller")} than {other}.", answer.ToString()));
            case 3:
                string parity = n % 2 == 0 ? "even" : "odd";
                return new(Pick(["Is {0} even or odd?", "Is {0} an odd or an even number?"]).Replace("{0}", n.ToString()), new($"{n} is an {parity} number.", Capitalize(parity)));
            case 4:
                return new(Pick(["How do you write {0} in words?", "How do you spell the number {0}?", "What is {0} in words?"]).Replace("{0}", n.ToString()), new($"{n} is written \"{NumberWords[n]}\".", Capitalize(NumberWords[n])));
            default:
                int k = rng.Next(1, 7);
                return new(k == 1 ? "Count to one." : $"Count from 1 to {k}.", new(string.Join(", ", Enumerable.Range(1, k)) + "."));
        }
    }

    Qa Animal()
    {
        var (animal, verb, says, baby, legs) = Pick(Animals);
        string an = Article(animal);
        int kind = rng.Next(3);
        if (kind == 0 || (kind == 1 && baby is null))
        {
            string q = Pick(["What sound does {0} make?", "What does {0} say?", "What noise does {0} make?", "How does {0} sound?"]).Replace("{0}", an);
            Answer answer = says == "nothing"
                ? new($"{Capitalize(an)} makes no sound that we can hear.", "Nothing")
                : new($"{Capitalize(an)} {verb}. It says \"{says}\".", Capitalize(says));
            return new(q, answer, () =>
            {
                var other = Pick(Animals);
                string a2 = Article(other.Animal);
                return new(Pick(["And {0}?", "What about {0}?"]).Replace("{0}", a2),
                    other.Says == "nothing" ? new($"{Capitalize(a2)} makes no sound that we can hear.", "Nothing")
                        : new($"{Capitalize(a2)} {other.Verb}. It says \"{other.Says}\".", Capitalize(other.Says)));
            });
        }
        if (kind == 1)
            return new(Pick(["What is a baby {0} called?", "What do you call a baby {0}?", "What is the name for a young {0}?"]).Replace("{0}", animal),
                new($"A baby {animal} is called {Article(baby!)}.", Capitalize(baby!)));
        return new(Pick(["How many legs does {0} have?", "How many legs has {0} got?"]).Replace("{0}", an),
            new(legs == 0 ? $"{Capitalize(an)} has no legs." : $"{Capitalize(an)} has {NumberWords[legs]} legs.", legs == 0 ? "None" : Capitalize(NumberWords[legs])));
    }

    Qa Opposite()
    {
        var (a, b) = Pick(Opposites);
        if (Chance(0.5)) (a, b) = (b, a);
        string q = Pick(["What is the opposite of {0}?", "What's the opposite of \"{0}\"?", "Give me the opposite of {0}.", "Tell me a word that means the opposite of {0}.", "opposite of {0}?"]);
        return new(Capitalize(q.Replace("{0}", a)), new($"The opposite of \"{a}\" is \"{b}\".", Capitalize(b)));
    }

    Qa Define()
    {
        var d = Pick(definitions);
        string q = d.Pos switch
        {
            "noun" => Pick(["What is {a}?", "What does \"{w}\" mean?", "What does the word \"{w}\" mean?", "Define {w}.", "Can you tell me what {a} is?", "What is the meaning of \"{w}\"?"]),
            "verb" => Pick(["What does it mean to {w}?", "What does \"{w}\" mean?", "What does the verb \"{w}\" mean?", "Define the word \"{w}\"."]),
            _ => Pick(["What does \"{w}\" mean?", "What does it mean to be {w}?", "What is the meaning of \"{w}\"?", "Define {w}."]),
        };
        return new(q.Replace("{a}", Article(d.Word)).Replace("{w}", d.Word), new(d.Sentence));
    }

    Qa Fact()
    {
        var (q, a, w) = Pick(Facts);
        return new(q, new(a, w));
    }

    /// <summary>Questions about the assistant itself, and "How are you?" (which it may ask back).</summary>
    Qa SmallTalk(Persona p)
    {
        string? name = p.Name;
        string howAreYou = Pick(["How are you?", "How are you today?", "How's it going?", "How are you doing?"]);
        if (Chance(0.2))
            return new(howAreYou, new("I'm doing well, thank you! How are you?", Chat: true), () => new(
                Pick(["I'm fine, thanks.", "I'm good, thank you.", "I'm doing well.", "Not bad, thanks.", "Great!"]),
                new(Pick(["I'm glad to hear that! How can I help you today?", "That's good to hear! What would you like to talk about?"]), Chat: true)),
                Always: true);
        var (question, answer) = rng.Next(5) switch
        {
            0 => (howAreYou, Pick(["I'm fine, thanks for asking. How can I help you?", "I'm great, thank you! What can I do for you today?"])),
            1 => (Pick(["What's your name?", "What is your name?", "Do you have a name?", "What should I call you?"]),
                  name is null ? "I'm a helpful assistant. I don't have a name, but you can give me one if you like." : Pick([$"My name is {name}.", $"I'm {name}.", $"You can call me {name}."])),
            2 => (Pick(["Who are you?", "What are you?", "Tell me about yourself."]),
                  name is null ? "I'm a small assistant. I can chat with you and answer simple questions." : $"I'm {name}, a helpful assistant. I can chat with you and answer simple questions."),
            3 => (Pick(["What can you do?", "How can you help me?", "What are you good at?"]),
                  "I can answer simple questions, do small sums, tell you about colours, animals, days and months, and chat with you."),
            _ => (Pick(["Are you a robot?", "Are you a person?", "Are you human?"]),
                  "No, I'm not a person. I'm a computer program that can chat with you."),
        };
        return new(question, new(answer, Chat: true));
    }

    /// <summary>Questions outside the tables: made-up places and words, things the assistant cannot know, big sums.</summary>
    Qa Unknown()
    {
        string made = Capitalize(Pick(Syllables) + Pick(Syllables) + Pick(["ia", "land", "stan", "ovia", "ania"]));
        string word = Pick(Syllables) + Pick(Syllables) + Pick(["", "t", "p", "x", "ble"]);
        switch (rng.Next(7))
        {
            case 0:
                return new(Pick(["What is the capital of {0}?", "Which city is the capital of {0}?"]).Replace("{0}", made),
                    new($"I don't know. I have never heard of a country called {made}.", Unknown: true));
            case 1:
                return new(Pick(["What does \"{0}\" mean?", "What is a {0}?", "Define {0}."]).Replace("{0}", word),
                    new($"I don't know the word \"{word}\". Could you tell me where you saw it?", Unknown: true));
            case 2:
                return new(Pick(["What will the weather be like tomorrow?", "Will it rain today?", "Is it sunny outside?"]),
                    new("I don't know. I can't see outside, and I don't have a weather forecast.", Unknown: true));
            case 3:
                return new(Pick(["What time is it?", "What is the date today?", "What day is it today?"]),
                    new("I don't know. I don't have a clock or a calendar.", Unknown: true));
            case 4:
                int a = rng.Next(21, 1000), b = rng.Next(21, 1000);
                return new(Pick(["What is {0} times {1}?", "What is {0} plus {1}?", "What's {0} x {1}?"]).Replace("{0}", a.ToString()).Replace("{1}", b.ToString()),
                    new("I'm not sure. I can only do small sums with numbers up to twenty.", Unknown: true));
            case 5:
                return new(Pick(["Who won the game last night?", "What is in the news today?", "What are the winning lottery numbers?", "What is the price of gold today?"]),
                    new("I don't know. I don't have any news or live information.", Unknown: true));
            default:
                string who = Pick(UserNames);
                return new(Pick(["What am I thinking?", $"How old is my friend {who}?", "What did I eat for breakfast?", "Where did I leave my keys?"]),
                    new("I don't know. I can only see what you write to me.", Unknown: true));
        }
    }

    /// <summary>A yes-or-no question from the tables, half of them true, with the true statement ("the sky is blue").</summary>
    (string Question, bool Yes, string Statement) YesNo()
    {
        bool yes = Chance(0.5);
        switch (rng.Next(5))
        {
            case 0:
            {
                var (thing, plural, colour) = Pick(Colours);
                string asked = yes ? colour : Pick(Colours.Select(c => c.Colour).Where(c => c != colour).Distinct().ToList());
                string v = plural ? "Are" : "Is";
                return ($"{v} {thing} {asked}?", yes, $"{thing} {v.ToLowerInvariant()} {colour}");
            }
            case 1:
            {
                var (country, capital) = Pick(Capitals);
                string asked = yes ? capital : Pick(Capitals.Where(c => c.Capital != capital).ToList()).Capital;
                return ($"Is {asked} the capital of {country}?", yes, $"the capital of {country} is {capital}");
            }
            case 2:
            {
                int a = rng.Next(0, 11), b = rng.Next(0, 11), c = a + b;
                int asked = yes ? c : c + Pick([-2, -1, 1, 2]);
                return ($"Is {a} plus {b} equal to {asked}?", yes, $"{a} plus {b} is {c}");
            }
            case 3:
            {
                var x = Pick(Animals.Where(an => an.Says != "nothing").ToList());
                string says = yes ? x.Says : Pick(Animals.Where(an => an.Says != "nothing" && an.Says != x.Says).ToList()).Says;
                return ($"Does {Article(x.Animal)} say \"{says}\"?", yes, $"{Article(x.Animal)} says \"{x.Says}\"");
            }
            default:
            {
                int i = rng.Next(Days.Length);
                string next = Days[(i + 1) % 7];
                string asked = yes ? next : Days[(i + 3) % 7];
                return ($"Does {asked} come after {Days[i]}?", yes, $"{next} comes after {Days[i]}");
            }
        }
    }

    // ---- greetings and goodbyes --------------------------------------------------------------------------------

    static readonly string[] Greetings =
        ["Hi!", "Hello!", "Hey there!", "Hi there.", "Hello, how are you?", "Good morning!", "Good afternoon!", "Good evening!", "Hey!", "Hiya!", "Hello there!", "Hi, can you help me?"];
    static readonly string[] Goodbyes =
        ["Bye!", "Goodbye.", "See you later!", "I have to go now. Bye!", "Thanks, bye!", "Good night!", "That's all for now. Goodbye!", "Bye bye!", "Talk to you later."];
    static readonly string[] Thanks = ["Thank you!", "Thanks!", "Thanks a lot.", "Great, thank you.", "Cool, thanks!", "OK, thank you."];
    static readonly string[] Welcome = ["You're welcome!", "You're welcome. Happy to help!", "No problem!", "Any time!", "Glad I could help."];
    static readonly string[] IntroduceSelf = ["My name is {0}.", "I'm {0}.", "Call me {0}.", "Hi, I'm {0}."];
    static readonly string[] AskMyName = ["What is my name?", "What's my name?", "Do you remember my name?", "Do you know my name?"];

    static readonly string[] HelpfulSystems = ["You are a helpful assistant.", "You are a friendly assistant.", "You are a helpful and friendly assistant.", "You are a kind assistant who answers simple questions."];
    static readonly string[] NamedSystems = ["You are a helpful assistant named {0}.", "Your name is {0}.", "You are {0}, a friendly assistant.", "You are an assistant called {0}. Be friendly."];
    static readonly string[] NamedPoliteSystems = ["You are {0}, a very polite assistant.", "Your name is {0}. Always reply politely."];
    static readonly string[] OneWordSystems = ["Answer in one word.", "Reply with one word only.", "Use a single word for every answer.", "Answer every question with just one word."];
    static readonly string[] PoliteSystems = ["Reply politely.", "Always be polite.", "Be very polite and kind in every answer.", "You are a polite assistant."];
    static readonly string[] ShortSystems = ["Keep your answers short.", "Be brief.", "Give short answers.", "Answer as briefly as you can."];
    static readonly string[] UpperSystems = ["Reply in capital letters.", "Write your answers in uppercase.", "Always answer in capital letters."];
    static readonly string[] YesNoSystems = ["Answer only with yes or no.", "Reply with yes or no.", "Only say yes or no."];

    string GreetingReply(Persona p)
    {
        string hello = Pick(["Hello!", "Hi!", "Hi there!", "Hello there!"]);
        return p.Style switch
        {
            Style.OneWord => Pick(["Hello!", "Hi!"]),
            Style.Short => Pick(["Hi! How can I help?", "Hello! What do you need?"]),
            Style.Polite => p.Name is null ? "Good day! It is a pleasure to meet you. How may I help you today?" : $"Good day! I'm {p.Name}, and it is a pleasure to meet you. How may I help you today?",
            _ => p.Name is not null && Chance(0.6)
                ? $"{hello} I'm {p.Name}. {Pick(["How can I help you today?", "What can I do for you?", "What would you like to know?"])}"
                : $"{hello} {Pick(["How can I help you today?", "What can I do for you?", "What would you like to talk about?", "Nice to see you."])}",
        };
    }

    string GoodbyeReply(Persona p, string? userName)
    {
        string to = userName is null ? "" : $", {userName}";
        return p.Style switch
        {
            Style.OneWord => "Goodbye!",
            Style.Short => $"Bye{to}!",
            Style.Polite => $"Goodbye{to}! Thank you for talking with me. Have a wonderful day.",
            _ => Pick([$"Goodbye{to}! Have a nice day.", $"Bye{to}! It was nice talking to you.", $"See you later{to}!", $"Goodbye{to}! Come back any time."]),
        };
    }

    // ---- text helpers ------------------------------------------------------------------------------------------

    static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    static string Sentence(string s) => ".!?\"".Contains(s[^1]) ? s : s + ".";
    static string Article(string word) => ("aeiou".Contains(char.ToLowerInvariant(word[0])) && !word.StartsWith("uni") ? "an " : "a ") + word;

    public static string ToJson(List<Message> messages)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps apostrophes and "+" readable; quotes and control characters are still escaped.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("messages");
            foreach (var m in messages)
            {
                w.WriteStartObject();
                w.WriteString("role", m.Role);
                w.WriteString("content", m.Content);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
