Console.WriteLine("ab");
