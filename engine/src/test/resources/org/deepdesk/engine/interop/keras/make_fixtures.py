#!/usr/bin/env python3
"""Write the Keras HDF5 fixtures of KerasImportTest, with the outputs that Keras would predict.

TensorFlow is not installed on the build machines, so the files are written with h5py in the
layout that Keras 2 `model.save("x.h5")` produces. That layout has the root attributes
`model_config`, `keras_version`, `backend` and `training_config`, and one group per layer under
`model_weights` with `<layer>/<weight>:0` datasets. The expected outputs are computed with numpy
in float64 from the same float32 weights.

Run from this folder with Debian's python3-h5py and python3-numpy:
    /usr/bin/python3 make_fixtures.py
The files are committed; rerun only to change a fixture.
"""

import json

import h5py
import numpy as np

KERAS_VERSION = b"2.4.0"
BACKEND = b"tensorflow"
TRAINING_CONFIG = {
    "loss": "sparse_categorical_crossentropy",
    "metrics": ["accuracy"],
    "optimizer_config": {
        "class_name": "Adam",
        "config": {"name": "Adam", "learning_rate": 0.002, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07},
    },
}

rng = np.random.default_rng(20261205)


def he_normal(shape, fan_in):
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)


def small_values(shape):
    return (rng.standard_normal(shape) * 0.1).astype(np.float32)


# Layer configs as tf.keras 2.4 writes them. DeepDesk ignores initializers, regularizers and
# constraints, but Deeplearning4j's importer, which the test uses to check these files, needs them.
GLOROT = {"class_name": "GlorotUniform", "config": {"seed": None}}
ZEROS = {"class_name": "Zeros", "config": {}}
ONES = {"class_name": "Ones", "config": {}}
KERNEL_FIELDS = {"kernel_initializer": GLOROT, "bias_initializer": ZEROS, "kernel_regularizer": None,
                 "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
                 "bias_constraint": None}

def conv2d(name, filters, kernel, padding, activation, input_shape=None):
    config = {"name": name, "trainable": True, "dtype": "float32", "filters": filters,
              "kernel_size": [kernel, kernel], "strides": [1, 1], "padding": padding,
              "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
              "activation": activation, "use_bias": True, **KERNEL_FIELDS}
    if input_shape is not None:
        config["batch_input_shape"] = [None, *input_shape]
    return {"class_name": "Conv2D", "config": config}


def pooling(kind, name, size):
    return {"class_name": kind, "config": {"name": name, "trainable": True, "dtype": "float32",
            "pool_size": [size, size], "padding": "valid", "strides": [size, size],
            "data_format": "channels_last"}}


def dense(name, units, activation):
    return {"class_name": "Dense", "config": {"name": name, "trainable": True, "dtype": "float32",
            "units": units, "activation": activation, "use_bias": True, **KERNEL_FIELDS}}


def input_layer(name, shape):
    return {"class_name": "InputLayer", "config": {"batch_input_shape": [None, *shape], "dtype": "float32",
            "sparse": False, "ragged": False, "name": name}}


def flatten(name):
    return {"class_name": "Flatten", "config": {"name": name, "trainable": True, "dtype": "float32",
            "data_format": "channels_last"}}


def batch_norm(name, epsilon):
    return {"class_name": "BatchNormalization", "config": {"name": name, "trainable": True, "dtype": "float32",
            "axis": [1], "momentum": 0.99, "epsilon": epsilon, "center": True, "scale": True,
            "beta_initializer": ZEROS, "gamma_initializer": ONES, "moving_mean_initializer": ZEROS,
            "moving_variance_initializer": ONES, "beta_regularizer": None, "gamma_regularizer": None,
            "beta_constraint": None, "gamma_constraint": None}}


def activation(name, function):
    return {"class_name": "Activation", "config": {"name": name, "trainable": True, "dtype": "float32",
            "activation": function}}


def dropout(name, rate):
    return {"class_name": "Dropout", "config": {"name": name, "trainable": True, "dtype": "float32",
            "rate": rate, "noise_shape": None, "seed": None}}


def write_model(path, model_name, layers, weights):
    """Write layers (configs) and weights ({layer name: [(weight name, array)]}) as Keras 2 does."""
    model_config = {"class_name": "Sequential", "config": {"name": model_name, "layers": layers}}
    with h5py.File(path, "w") as f:
        f.attrs["backend"] = BACKEND
        f.attrs["keras_version"] = KERAS_VERSION
        f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        f.attrs["training_config"] = json.dumps(TRAINING_CONFIG).encode("utf8")
        group = f.create_group("model_weights")
        names = [layer["config"]["name"] for layer in layers if layer["class_name"] != "InputLayer"]
        group.attrs["backend"] = BACKEND
        group.attrs["keras_version"] = KERAS_VERSION
        group.attrs["layer_names"] = np.array([name.encode("utf8") for name in names])
        for name in names:
            layer_group = group.create_group(name)
            arrays = weights.get(name, [])
            # Keras stores an empty float array for layers without weights.
            layer_group.attrs["weight_names"] = (
                np.array([f"{name}/{weight}:0".encode("utf8") for weight, _ in arrays]) if arrays else np.array([]))
            for weight, value in arrays:
                layer_group.create_dataset(f"{name}/{weight}:0", data=value)


# numpy versions of the Keras layers, channels last, float64.

def conv2d_forward(x, kernel, bias, padding):
    k = kernel.shape[0]
    if padding == "same":
        pad = (k - 1) // 2
        x = np.pad(x, ((0, 0), (pad, k - 1 - pad), (pad, k - 1 - pad), (0, 0)))
    n, h, w, _ = x.shape
    out = np.zeros((n, h - k + 1, w - k + 1, kernel.shape[3]))
    for i in range(k):
        for j in range(k):
            out += np.einsum("nhwc,cf->nhwf", x[:, i:i + h - k + 1, j:j + w - k + 1, :], kernel[i, j])
    return out + bias


def pool_forward(x, size, reduce):
    n, h, w, c = x.shape
    h2, w2 = h // size, w // size
    windows = x[:, :h2 * size, :w2 * size, :].reshape(n, h2, size, w2, size, c)
    return reduce(windows, axis=(2, 4))


def activate(x, function):
    if function == "relu":
        return np.maximum(x, 0)
    if function == "tanh":
        return np.tanh(x)
    if function == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if function == "softmax":
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return x


def sample_inputs(count):
    """A drawn-looking "1", a blank image and random images, rounded so the JSON stays exact."""
    images = rng.random((count, 28, 28, 1))
    images[0] = 0
    images[0, 4:24, 13:15, 0] = 1
    images[1] = 0
    return np.round(images, 3).astype(np.float32)


def write_expected(path, inputs, outputs):
    with open(path, "w") as f:
        json.dump({"inputs": inputs.reshape(len(inputs), -1).astype(float).tolist(),
                   "outputs": outputs.tolist()}, f, separators=(",", ":"))
        f.write("\n")


def small_cnn():
    c1k, c1b = he_normal((3, 3, 1, 4), 9), small_values(4)
    c2k, c2b = he_normal((3, 3, 4, 6), 36), small_values(6)
    d1k, d1b = he_normal((216, 16), 216), small_values(16)
    d2k, d2b = he_normal((16, 10), 16), small_values(10)
    layers = [input_layer("input_1", [28, 28, 1]),
              conv2d("conv2d", 4, 3, "valid", "relu"),
              pooling("MaxPooling2D", "max_pooling2d", 2),
              conv2d("conv2d_1", 6, 3, "same", "tanh"),
              pooling("AveragePooling2D", "average_pooling2d", 2),
              flatten("flatten"),
              dense("dense", 16, "relu"),
              dense("dense_1", 10, "softmax")]
    weights = {"conv2d": [("kernel", c1k), ("bias", c1b)], "conv2d_1": [("kernel", c2k), ("bias", c2b)],
               "dense": [("kernel", d1k), ("bias", d1b)], "dense_1": [("kernel", d2k), ("bias", d2b)]}
    write_model("small-cnn.h5", "small_cnn", layers, weights)

    x = SMALL_CNN_INPUTS.astype(np.float64)
    x = activate(conv2d_forward(x, c1k, c1b, "valid"), "relu")
    x = pool_forward(x, 2, np.max)
    x = activate(conv2d_forward(x, c2k, c2b, "same"), "tanh")
    x = pool_forward(x, 2, np.mean)
    x = x.reshape(len(x), -1)
    x = activate(x @ d1k + d1b, "relu")
    outputs = activate(x @ d2k + d2b, "softmax")
    write_expected("small-cnn-expected.json", SMALL_CNN_INPUTS, outputs)


def small_mlp():
    """Flat 784 input, BatchNormalization with Keras' default epsilon, an Activation and a Dropout."""
    d1k, d1b = he_normal((784, 32), 784), small_values(32)
    # Small running variances make the epsilon matter: a wrong one changes the outputs by far more
    # than the test's tolerance. The small gamma keeps the sigmoid out of saturation.
    gamma = (0.05 * (1 + small_values(32))).astype(np.float32)
    beta = small_values(32)
    mean = small_values(32)
    variance = (0.002 + 0.01 * rng.random(32)).astype(np.float32)
    d2k, d2b = he_normal((32, 10), 32), small_values(10)
    epsilon = 0.001
    first = dense("dense", 32, "linear")
    first["config"]["batch_input_shape"] = [None, 784]
    layers = [first,
              batch_norm("batch_normalization", epsilon),
              activation("activation", "sigmoid"),
              dropout("dropout", 0.25),
              dense("dense_1", 10, "softmax")]
    weights = {"dense": [("kernel", d1k), ("bias", d1b)],
               "batch_normalization": [("gamma", gamma), ("beta", beta), ("moving_mean", mean),
                                       ("moving_variance", variance)],
               "dense_1": [("kernel", d2k), ("bias", d2b)]}
    write_model("small-mlp.h5", "small_mlp", layers, weights)

    inputs = MLP_INPUTS
    x = inputs.reshape(len(inputs), -1).astype(np.float64) @ d1k + d1b
    x = gamma * (x - mean) / np.sqrt(variance.astype(np.float64) + epsilon) + beta
    x = activate(x, "sigmoid")
    outputs = activate(x @ d2k + d2b, "softmax")
    write_expected("small-mlp-expected.json", inputs, outputs)


def unsupported():
    """Layers DeepDesk has no spec for (ZeroPadding2D, LSTM) and a Conv2D option it cannot honour."""
    strided = conv2d("conv2d", 2, 3, "valid", "elu", input_shape=[28, 28, 1])
    layers = [strided,
              {"class_name": "ZeroPadding2D", "config": {"name": "zero_padding2d", "padding": [[1, 1], [1, 1]],
                                                         "data_format": "channels_last"}},
              {"class_name": "GlobalAveragePooling2D", "config": {"name": "global_average_pooling2d",
                                                                  "data_format": "channels_last"}},
              dense("dense", 10, "softmax")]
    weights = {"conv2d": [("kernel", he_normal((3, 3, 1, 2), 9)), ("bias", small_values(2))],
               "dense": [("kernel", he_normal((2, 10), 2)), ("bias", small_values(10))]}
    write_model("unsupported-layers.h5", "unsupported", layers, weights)


def logits_model():
    """A 4x4 input whose last Dense has no activation, as for a model trained with from_logits=True."""
    kernel, bias = he_normal((16, 3), 16), small_values(3)
    first = flatten("flatten")
    first["config"]["batch_input_shape"] = [None, 4, 4]
    write_model("logits.h5", "logits", [first, dense("dense", 3, "linear")], {"dense": [("kernel", kernel), ("bias", bias)]})
    inputs = np.round(rng.random((2, 4, 4, 1)), 3).astype(np.float32)
    outputs = activate(inputs.reshape(2, -1).astype(np.float64) @ kernel + bias, "softmax")
    write_expected("logits-expected.json", inputs, outputs)


def not_importable():
    """A functional model, and a file of weights only, as save_weights writes it."""
    layers = [input_layer("input_1", [28, 28, 1]), flatten("flatten"), dense("dense", 10, "softmax")]
    write_model("functional.h5", "functional", layers, {})
    with h5py.File("functional.h5", "r+") as f:
        config = json.loads(f.attrs["model_config"])
        config["class_name"] = "Functional"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
    write_model("weights-only.h5", "weights_only", layers, {})
    with h5py.File("weights-only.h5", "r+") as f:
        del f.attrs["model_config"]


def damaged():
    """Copies of logits.h5 whose weights do not fit the model or cannot be read safely."""
    kernel, bias = he_normal((16, 3), 16), small_values(3)
    first = flatten("flatten")
    first["config"]["batch_input_shape"] = [None, 4, 4]
    layers = [first, dense("dense", 3, "linear")]

    # Same number of values as the [16, 3] kernel, so only the shape differs.
    write_model("transposed-kernel.h5", "transposed", layers,
                {"dense": [("kernel", np.ascontiguousarray(kernel.T)), ("bias", bias)]})

    broken = kernel.copy()
    broken[3, 1] = np.nan
    write_model("nan-weights.h5", "nan", layers, {"dense": [("kernel", broken), ("bias", bias)]})

    # A chunked dataset with no chunks written declares 2^34 floats in a file of a few KB.
    write_model("huge-weights.h5", "huge", layers, {"dense": [("kernel", kernel), ("bias", bias)]})
    with h5py.File("huge-weights.h5", "r+") as f:
        group = f["model_weights/dense/dense"]
        del group["kernel:0"]
        group.create_dataset("kernel:0", shape=(131072, 131072), dtype="f4", chunks=(64, 64))

    # Attributes that Keras 2 always writes, missing or not JSON.
    write_model("invalid-config.h5", "invalid_config", layers, {"dense": [("kernel", kernel), ("bias", bias)]})
    with h5py.File("invalid-config.h5", "r+") as f:
        f.attrs["model_config"] = f.attrs["model_config"][:40]
    write_model("invalid-training-config.h5", "invalid_training", layers, {"dense": [("kernel", kernel), ("bias", bias)]})
    with h5py.File("invalid-training-config.h5", "r+") as f:
        f.attrs["training_config"] = b"{'loss': 'mse'"
    write_model("no-keras-version.h5", "no_version", layers, {"dense": [("kernel", kernel), ("bias", bias)]})
    with h5py.File("no-keras-version.h5", "r+") as f:
        del f.attrs["keras_version"]

    # A link to a file that does not exist: HDF5 fails while Deeplearning4j has groups open.
    write_model("external-link.h5", "external", layers, {"dense": [("kernel", kernel), ("bias", bias)]})
    with h5py.File("external-link.h5", "r+") as f:
        group = f["model_weights/dense"]
        del group["dense"]
        group["dense"] = h5py.ExternalLink("missing.h5", "/dense")


def unusual_but_valid():
    """A layer name with '/', which h5py stores as nested groups, and a one-unit binary classifier."""
    kernel, bias = he_normal((16, 3), 16), small_values(3)
    first = flatten("flatten")
    first["config"]["batch_input_shape"] = [None, 4, 4]
    write_model("slash-name.h5", "slash", [first, dense("block/dense", 3, "softmax")],
                {"block/dense": [("kernel", kernel), ("bias", bias)]})
    inputs = np.round(rng.random((2, 4, 4, 1)), 3).astype(np.float32)
    outputs = activate(inputs.reshape(2, -1).astype(np.float64) @ kernel + bias, "softmax")
    write_expected("slash-name-expected.json", inputs, outputs)

    write_model("one-unit.h5", "binary", [first, dense("dense", 1, "sigmoid")],
                {"dense": [("kernel", he_normal((16, 1), 16)), ("bias", small_values(1))]})


SMALL_CNN_INPUTS = sample_inputs(4)
MLP_INPUTS = sample_inputs(3)

if __name__ == "__main__":
    small_cnn()
    small_mlp()
    unsupported()
    logits_model()
    not_importable()
    damaged()
    unusual_but_valid()
