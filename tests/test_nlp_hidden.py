"""The aspect model's hidden layer: what it can learn that the linear part cannot, how it is folded, saved and
loaded, and that the shipped restaurant model carries one. Pure numpy and files."""

import numpy as np
import pytest

from nlp.aspects import AspectModel, HiddenLayer, load_aspect_model, save_aspect_model, sentence_features
from nlp.train.sparse import averaged, build_vocab, hidden_logistic, to_csr
from nlp.train.train_aspects import cluster_row, shipped_hidden


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_the_hidden_layer_learns_words_that_only_mean_something_together():
    # "cold" names the food with "beer", the service with "staff": no sum of per-word weights can say so
    rows = [["__bias__", "cold", "beer"], ["__bias__", "cold", "staff"], ["__bias__", "warm", "beer"],
            ["__bias__", "warm", "staff"]] * 30
    y = np.array([[1.0], [0.0], [0.0], [1.0]] * 30)
    vocab = build_vocab(rows, 1)
    x = to_csr(rows, vocab)
    net = hidden_logistic(x, y, hidden=8, l2=0.0, epochs=300, lr=1e-2, dropout=0.0, seed=3)
    hidden = _sigmoid(net.logits(x))
    assert hidden[:4, 0].round().tolist() == [1.0, 0.0, 0.0, 1.0]


def test_averaged_nets_give_the_mean_of_their_logits_as_one_wider_net():
    rows = [["__bias__", "cold", "beer"], ["__bias__", "cold", "staff"], ["__bias__", "warm", "beer"]] * 10
    y = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]] * 10)
    vocab = build_vocab(rows, 1)
    x = to_csr(rows, vocab)
    nets = [hidden_logistic(x, y, hidden=4, epochs=20, lr=1e-2, seed=s) for s in (1, 2, 3)]
    merged = averaged(nets)
    assert merged.hidden.shape == (len(vocab), 12)
    assert merged.logits(x) == pytest.approx(sum(n.logits(x) for n in nets) / 3)
    assert averaged(nets[:1]).logits(x) == pytest.approx(nets[0].logits(x))  # one member is that net


def test_a_row_of_weight_zero_is_not_learned_from():
    rows = [["__bias__", "a"]] * 40
    x = to_csr(rows, build_vocab(rows, 1))
    y = np.ones((40, 1))
    ignored = hidden_logistic(x, y, hidden=4, epochs=100, lr=1e-2, seed=1, sample_weight=np.zeros(40))
    learned = hidden_logistic(x, y, hidden=4, epochs=100, lr=1e-2, seed=1)
    assert _sigmoid(learned.logits(x))[0, 0] > _sigmoid(ignored.logits(x))[0, 0] + 0.1


def test_folded_hidden_rows_give_the_logits_of_the_cluster_counts_they_were_trained_on():
    clusters = {"vibe": 0, "decor": 0, "soup": 1}
    text = "Great vibe and decor, cold soup"
    row = cluster_row(sentence_features(text, set()), clusters)
    vocab = {f: i for i, f in enumerate(sorted(row))}
    x = to_csr([row], vocab)
    net = hidden_logistic(x, np.array([[1.0, 0.0]]), hidden=6, epochs=3, seed=2, dropout=0.0)
    layer = shipped_hidden(net, vocab, clusters)
    assert not any(f.startswith("k:") for f in layer.index)
    trained = net.logits(x)[0] - x.dot(net.linear)[0]  # the hidden part alone
    assert layer.logits(sentence_features(text, set())) == pytest.approx(list(trained), abs=1e-9)


def test_the_hidden_layer_survives_saving_and_loading(tmp_path):
    layer = HiddenLayer({"soup": 0, "rude": 1}, np.array([[1.5, -0.5], [-1.0, 2.0]]), np.array([0.1, 0.0]),
                        np.array([[2.0, -1.0], [-1.0, 2.0]]), np.array([-0.5, -0.5]))
    model = AspectModel(("food", "service"), {"__bias__": (-1.0, -1.0)}, 0.5, {}, layer)
    path = tmp_path / "aspects.tsv"
    save_aspect_model(model, path)
    loaded = load_aspect_model(str(path))
    for feats in (["__bias__", "soup"], ["__bias__", "rude"], ["__bias__", "soup", "rude"], ["__bias__"]):
        assert loaded.probabilities(feats) == pytest.approx(model.probabilities(feats), abs=1e-3)
    assert model.probabilities(["__bias__", "soup"])["food"] > 0.8 > model.probabilities(["__bias__", "rude"])["food"]


def test_the_shipped_restaurant_model_has_its_hidden_layer():
    model = load_aspect_model("restaurant_aspects.tsv")
    assert model.hidden is not None and model.hidden.matrix.shape[0] == len(model.hidden.index) > 1000
    assert load_aspect_model("restaurant_polarity.tsv").hidden is None
