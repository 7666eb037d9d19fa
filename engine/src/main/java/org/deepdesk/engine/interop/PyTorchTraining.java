package org.deepdesk.engine.interop;

import org.deepdesk.engine.spec.TrainingSettings;

/** The optimizer, data loading and training loop of the PyTorch export. */
final class PyTorchTraining {

    private PyTorchTraining() {
    }

    static String functions(TrainingSettings settings) {
        return optimizer(settings)
                + "\n\n"
                + """
                def load_mnist(folder):
                    \"\"\"Return MNIST as uint8 arrays, from IDX files in folder or downloaded by torchvision.\"\"\"
                    if folder:
                        return load_local_mnist(folder)
                    from torchvision import datasets  # only needed without --data
                    train = datasets.MNIST("mnist-download", train=True, download=True)
                    test = datasets.MNIST("mnist-download", train=False, download=True)
                    return (train.data.numpy(), train.targets.numpy()), (test.data.numpy(), test.targets.numpy())


                def to_tensors(images, labels):
                    \"\"\"Convert (N, H, W, C) float images to an NCHW TensorDataset.\"\"\"
                    x = torch.from_numpy(np.ascontiguousarray(images.transpose(0, 3, 1, 2)))
                    y = torch.from_numpy(labels.astype("int64"))
                    return torch.utils.data.TensorDataset(x, y)


                def evaluate(model, dataset, loss_function):
                    \"\"\"Return the mean loss and the accuracy of model on dataset.\"\"\"
                    model.eval()
                    total_loss, correct = 0.0, 0
                    with torch.no_grad():
                        for x, y in torch.utils.data.DataLoader(dataset, batch_size=BATCH_SIZE):
                            scores = model(x)
                            total_loss += loss_function(scores, y).item() * len(y)
                            correct += (scores.argmax(dim=1) == y).sum().item()
                    return total_loss / len(dataset), correct / len(dataset)


                def main():
                    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
                    parser.add_argument("--data", help="folder with the MNIST IDX files; without it, torchvision downloads MNIST")
                    arguments = parser.parse_args()
                    torch.manual_seed(SEED)

                    (x_train, y_train), (x_test, y_test) = load_mnist(arguments.data)
                    x_train, x_test = to_float_images(x_train), to_float_images(x_test)
                    (x_fit, y_fit), (x_validation, y_validation) = split_validation(x_train, y_train)
                    training = to_tensors(x_fit, y_fit)
                    validation = to_tensors(x_validation, y_validation)
                    test = to_tensors(x_test, y_test)

                    model = Net()
                    print(model)
                    print("Parameters:", sum(p.numel() for p in model.parameters()))
                    optimizer = make_optimizer(model)
                    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: scheduled_rate(epoch) / LEARNING_RATE)
                    # Cross-entropy on raw scores: the softmax of the output layer is part of this loss.
                    loss_function = nn.CrossEntropyLoss()
                    batches = torch.utils.data.DataLoader(
                        training, batch_size=BATCH_SIZE, shuffle=True, generator=torch.Generator().manual_seed(SEED))

                    best_loss, epochs_without_improvement = math.inf, 0
                    for epoch in range(EPOCHS):
                        model.train()
                        for x, y in batches:
                            optimizer.zero_grad()
                            loss = loss_function(model(x), y)
                            loss.backward()
                            optimizer.step()
                        scheduler.step()

                        if len(validation) == 0:
                            print(f"Epoch {epoch + 1}/{EPOCHS}: training loss {loss.item():.4f}")
                            continue
                        validation_loss, validation_accuracy = evaluate(model, validation, loss_function)
                        print(f"Epoch {epoch + 1}/{EPOCHS}: validation loss {validation_loss:.4f}, "
                              f"accuracy {validation_accuracy:.4f}")
                        if validation_loss < best_loss:
                            best_loss, epochs_without_improvement = validation_loss, 0
                        else:
                            epochs_without_improvement += 1
                        if 0 < EARLY_STOPPING_PATIENCE <= epochs_without_improvement:
                            print("Stopping early: the validation loss stopped falling")
                            break

                    test_loss, test_accuracy = evaluate(model, test, loss_function)
                    print(f"Test accuracy: {test_accuracy:.4f} (loss {test_loss:.4f})")
                """;
    }

    private static String optimizer(TrainingSettings settings) {
        String call = switch (settings.optimizer()) {
            case ADAM -> "torch.optim.Adam(groups, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)";
            // PyTorch's alpha is the decay of the squared-gradient average, Keras' rho.
            case RMSPROP -> "torch.optim.RMSprop(groups, lr=LEARNING_RATE, alpha=0.9, eps=1e-7)";
            case SGD -> "torch.optim.SGD(groups, lr=LEARNING_RATE, momentum=" + PythonText.number(settings.momentum())
                    + ", nesterov=" + (settings.nesterov() && settings.momentum() > 0 ? "True" : "False") + ")";
        };
        return "def make_optimizer(model):\n"
                + "    \"\"\"Create the optimizer; weight decay applies to weights, not to biases or batch-norm parameters.\"\"\"\n"
                + "    weights = [p for p in model.parameters() if p.dim() > 1]\n"
                + "    others = [p for p in model.parameters() if p.dim() <= 1]\n"
                + "    groups = [{\"params\": weights, \"weight_decay\": WEIGHT_DECAY}, {\"params\": others, \"weight_decay\": 0.0}]\n"
                + "    return " + call + "\n";
    }
}
