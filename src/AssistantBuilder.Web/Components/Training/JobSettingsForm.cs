using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Components.Training;

/// <summary>The new-job form's editable copy of <see cref="TrainingSettings"/> (whose properties are init-only), with its defaults.</summary>
public sealed class JobSettingsForm
{
    static readonly TrainingSettings Defaults = new();

    public int? Epochs { get; set; } = Defaults.Epochs;
    public double? LearningRate { get; set; } = Defaults.LearningRate;
    public int LoraRank { get; set; } = Defaults.LoraRank;
    public double LoraAlpha { get; set; } = Defaults.LoraAlpha;
    public double LoraDropout { get; set; } = Defaults.LoraDropout;
    public int? BatchSize { get; set; } = Defaults.BatchSize;
    public int GradAccum { get; set; } = Defaults.GradAccum;
    public int MaxSeqLen { get; set; } = Defaults.MaxSeqLen;
    public double WarmupRatio { get; set; } = Defaults.WarmupRatio;
    public int SaveEvery { get; set; } = Defaults.SaveEvery;
    public int EvalEvery { get; set; } = Defaults.EvalEvery;
    public int Seed { get; set; } = Defaults.Seed;

    public TrainingSettings ToSettings() => new()
    {
        Epochs = Epochs, LearningRate = LearningRate, LoraRank = LoraRank, LoraAlpha = LoraAlpha, LoraDropout = LoraDropout,
        BatchSize = BatchSize, GradAccum = GradAccum, MaxSeqLen = MaxSeqLen, WarmupRatio = WarmupRatio, SaveEvery = SaveEvery,
        EvalEvery = EvalEvery, Seed = Seed,
    };

    /// <summary>The allowed range of a setting, from its [Range] attribute (the one the API validates against).</summary>
    public static (double Min, double Max) Range(string setting)
    {
        var range = typeof(TrainingSettings).GetProperty(setting)?.GetCustomAttribute<RangeAttribute>()
            ?? throw new ArgumentException($"{setting} has no range", nameof(setting));
        return (Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
    }
}
