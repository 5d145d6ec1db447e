namespace Relations.Plots;
