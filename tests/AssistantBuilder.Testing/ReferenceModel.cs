using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Testing;

/// <summary>
/// An independent, deliberately naive Llama forward pass in double precision over plain arrays: loops instead of
/// tensors, one query at a time, explicit pairs (i, i + D/2) for rotary. Used as the golden for the engine's logits.
/// </summary>
public sealed class ReferenceModel(ModelConfig c, IReadOnlyDictionary<string, (long[] Shape, float[] Values)> w)
{
    /// <summary>Logits [T][V] for one sequence.</summary>
    public double[][] Logits(int[] ids)
    {
        int t = ids.Length;
        var h = ids.Select(id => Row("model.embed_tokens.weight", id)).ToArray();
        for (int l = 0; l < c.NumHiddenLayers; l++)
        {
            string p = $"model.layers.{l}.";
            var attn = AttentionBlock(h.Select(x => Norm(x, p + "input_layernorm.weight")).ToArray(), p);
            h = h.Select((x, i) => Add(x, attn[i])).ToArray();
            h = h.Select(x => Add(x, MlpBlock(Norm(x, p + "post_attention_layernorm.weight"), p))).ToArray();
        }
        string head = c.TieWordEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight";
        return h.Select(x => MatVec(head, Norm(x, "model.norm.weight"))).ToArray();
    }

    double[][] AttentionBlock(double[][] x, string p)
    {
        int t = x.Length, d = c.HeadDim, g = c.NumAttentionHeads / c.NumKeyValueHeads;
        var q = x.Select((v, pos) => Rope(Linear(p + "self_attn.q_proj", v), pos, c.NumAttentionHeads)).ToArray();
        var k = x.Select((v, pos) => Rope(Linear(p + "self_attn.k_proj", v), pos, c.NumKeyValueHeads)).ToArray();
        var v = x.Select(v => Linear(p + "self_attn.v_proj", v)).ToArray();
        var output = new double[t][];
        for (int i = 0; i < t; i++)
        {
            output[i] = new double[c.NumAttentionHeads * d];
            for (int head = 0; head < c.NumAttentionHeads; head++)
            {
                int kvHead = head / g;
                var scores = Enumerable.Range(0, i + 1).Select(j => Dot(q[i], head * d, k[j], kvHead * d, d) / Math.Sqrt(d)).ToArray();
                double max = scores.Max();
                var weights = scores.Select(s => Math.Exp(s - max)).ToArray();
                double sum = weights.Sum();
                for (int j = 0; j <= i; j++)
                    for (int e = 0; e < d; e++) output[i][head * d + e] += weights[j] / sum * v[j][kvHead * d + e];
            }
        }
        return output.Select(o => Linear(p + "self_attn.o_proj", o)).ToArray();
    }

    double[] MlpBlock(double[] x, string p)
    {
        var gate = Linear(p + "mlp.gate_proj", x);
        var up = Linear(p + "mlp.up_proj", x);
        return Linear(p + "mlp.down_proj", gate.Select((gv, i) => gv / (1 + Math.Exp(-gv)) * up[i]).ToArray());
    }

    double[] Rope(double[] x, int pos, int heads)
    {
        int d = c.HeadDim, half = d / 2;
        var inv = InverseFrequencies();
        var y = (double[])x.Clone();
        for (int head = 0; head < heads; head++)
            for (int i = 0; i < half; i++)
            {
                double angle = pos * inv[i], a = x[head * d + i], b = x[head * d + i + half];
                y[head * d + i] = a * Math.Cos(angle) - b * Math.Sin(angle);
                y[head * d + i + half] = b * Math.Cos(angle) + a * Math.Sin(angle);
            }
        return y;
    }

    // rope_theta^(-2i/D), then Llama 3.1's piecewise rule (wavelength against the original context) or linear scaling.
    double[] InverseFrequencies()
    {
        var inv = new double[c.HeadDim / 2];
        for (int i = 0; i < inv.Length; i++)
        {
            double f = Math.Pow(c.RopeTheta, -2.0 * i / c.HeadDim);
            if (c.RopeScaling is { Type: "linear" } lin) f /= lin.Factor;
            if (c.RopeScaling is { Type: "llama3" } s)
            {
                double ratio = s.OriginalMaxPositionEmbeddings * f / (2 * Math.PI); // original context / wavelength
                if (ratio < s.LowFreqFactor) f /= s.Factor;
                else if (ratio <= s.HighFreqFactor)
                {
                    double smooth = (ratio - s.LowFreqFactor) / (s.HighFreqFactor - s.LowFreqFactor);
                    f = (1 - smooth) * f / s.Factor + smooth * f;
                }
            }
            inv[i] = f;
        }
        return inv;
    }

    double[] Norm(double[] x, string weight)
    {
        double rms = Math.Sqrt(x.Select(v => v * v).Average() + c.RmsNormEps);
        var wv = w[weight].Values;
        return x.Select((v, i) => v / rms * wv[i]).ToArray();
    }

    double[] Linear(string prefix, double[] x)
    {
        var y = MatVec(prefix + ".weight", x);
        if (w.TryGetValue(prefix + ".bias", out var bias)) for (int i = 0; i < y.Length; i++) y[i] += bias.Values[i];
        return y;
    }

    double[] MatVec(string name, double[] x)
    {
        var (shape, values) = w[name];
        var y = new double[shape[0]];
        for (int r = 0; r < shape[0]; r++)
            for (int col = 0; col < shape[1]; col++) y[r] += values[r * shape[1] + col] * x[col];
        return y;
    }

    double[] Row(string name, int row)
    {
        var (shape, values) = w[name];
        return values.Skip((int)(row * shape[1])).Take((int)shape[1]).Select(v => (double)v).ToArray();
    }

    static double[] Add(double[] a, double[] b) => a.Select((v, i) => v + b[i]).ToArray();

    static double Dot(double[] a, int ao, double[] b, int bo, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }
}
